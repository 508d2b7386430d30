# Shared by the benchmarks: the generated export and the app published as the container ships it.
# Sets export_dir and app; expects plays and out to be set, and the current folder to be the repository.

export_dir="$out/export-$plays"
app="$out/app"

if [[ ! -f "$export_dir/my_spotify_data.zip" ]]; then
    echo "generating $plays plays ..." >&2
    python3 ../shared/tools/gen-spotify-export --plays "$plays" --zip "$export_dir" >/dev/null
fi

echo "publishing (Release, ReadyToRun) ..." >&2
rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
dotnet publish MusicAnalyser -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$app" >/dev/null
