#!/usr/bin/env bash
# Soak benchmark: N poll cycles (default 10,000) of the app's Spotify poller against a fake Spotify on
# 127.0.0.1 (bench/fake-spotify.py, its own process), each cycle bringing 50 new plays. Built in Release.
# Prints the time per cycle and the RSS growth after the first 500 cycles.
#   usage: bench/soak.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cycles="${1:-10000}"
out="bench/out"
data="$out/soak-data"
rm -rf "$data"
mkdir -p "$data"

echo "building (Release) ..." >&2
dotnet build bench/Soak -c Release -o "$out/soak" >/dev/null

port_file="$(mktemp)"
python3 bench/fake-spotify.py >"$port_file" &
fake=$!
trap 'kill $fake 2>/dev/null; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [[ -s "$port_file" ]] && break; sleep 0.1; done
port="$(head -1 "$port_file")"

"$out/soak/Soak" "$cycles" "http://127.0.0.1:$port/" "$data"
