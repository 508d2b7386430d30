#!/usr/bin/env bash
# Import benchmark: generates N plays (../shared/tools/gen-spotify-export --zip), publishes the app as the
# container ships it (Release, ReadyToRun), imports the zip into an empty data folder, then imports it again.
# Prints seconds, plays/s, peak RSS and database size for each run.
#   usage: bench/import.sh [N]        (default 1000000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

plays="${1:-1000000}"
out="bench/out"
source bench/common.sh
data="$out/data-$plays"

rm -rf "$data"
mkdir -p "$data"
zip="$export_dir/my_spotify_data.zip"
echo "zip: $(du -h "$zip" | cut -f1), data folder: $data" >&2

run() {
    # Wall time and peak RSS of the whole process, measured from outside it.
    python3 - "$1" "$app/MusicAnalyser" import "$zip" --data "$data" <<'PY'
import json, os, resource, subprocess, sys, time
label, *command = sys.argv[1:]
start = time.monotonic()
result = subprocess.run(command, capture_output=True, text=True)
seconds = time.monotonic() - start
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if result.returncode != 0:
    sys.exit(f"import failed ({result.returncode}): {result.stderr or result.stdout}")
summary = json.loads(result.stdout.strip().splitlines()[-1])
db = os.path.getsize(os.path.join(command[-1], "musicanalyser.db")) / 1e6
print(f"{label:8} {seconds:6.2f} s  {summary['entries'] / seconds:10,.0f} plays/s  peak RSS {peak_mb:6.1f} MB  "
      f"database {db:6.1f} MB  added {summary['added']:,}  duplicates {summary['duplicates']:,}  skipped {sum(summary['skipped'].values()):,}")
PY
}

run "first"
run "again"
