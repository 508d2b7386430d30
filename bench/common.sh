# Shared by the benchmarks: the generated export and the app published as the container ships it.
# Sets export_dir, app and dashboard_data, and defines dashboard_import and start_app; expects plays and out to be
# set, and the current folder to be the repository.

export_dir="$out/export-$plays"
app="$out/app"

if [[ ! -f "$export_dir/my_spotify_data.zip" ]]; then
    echo "generating $plays plays ..." >&2
    python3 ../shared/tools/gen-spotify-export --plays "$plays" --zip "$export_dir" >/dev/null
fi

echo "publishing (Release, ReadyToRun) ..." >&2
rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
dotnet publish MusicAnalyser -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$app" >/dev/null

# The N plays imported once into bench/out/dashboard-N, shared by the dashboard and capture benchmarks.
dashboard_data="$out/dashboard-$plays"
dashboard_import() {
    if [[ ! -f "$dashboard_data/musicanalyser.db" ]]; then
        "$app/MusicAnalyser" import "$export_dir/my_spotify_data.zip" --data "$dashboard_data" | tail -1 >/dev/null
    fi
}

# Starts the published app over a data folder (Europe/Berlin) on a port, logging to a file; sets server and
# stops it when the script exits; returns once it answers.
start_app() {
    MusicAnalyser__TimeZone=Europe/Berlin "$app/MusicAnalyser" --urls "http://127.0.0.1:$2" --data "$1" >"$3" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null' EXIT
    for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$2/" && break; sleep 0.1; done
}
