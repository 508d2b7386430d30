#!/usr/bin/env bash
# Live-capture benchmark: over a copy of bench/dashboard.sh's N plays (default 1,000,000), with the app running
# as the container ships it, adds 50 newer plays five times as a poll does (straight into SQLite, as the
# recorder writes them) and times the first overview request after each, which brings the dashboard's
# in-memory plays up to date; then 50 plays older than the newest, which needs a full rebuild, for comparison.
#   usage: bench/capture.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

plays="${1:-1000000}"
out="bench/out"
source bench/common.sh
data="$out/capture-$plays"
port=5191
dashboard_import
rm -rf "$data"
mkdir -p "$data"
cp "$dashboard_data/musicanalyser.db" "$data/"
start_app "$data" "$port" "$out/capture-app.log"

python3 - "$port" "$data/musicanalyser.db" "$server" <<'PY'
import sqlite3, sys, time, urllib.request
port, db, pid = sys.argv[1:]
def overview():
    start = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/?handler=Overview") as response:
        response.read()
    return (time.perf_counter() - start) * 1000
def rss():
    return int(next(l for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")).split()[1]) / 1024
connection = sqlite3.connect(db, timeout=30)
newest, track = connection.execute("SELECT MAX(EndedAt), (SELECT TrackId FROM Plays WHERE TrackId IS NOT NULL LIMIT 1) FROM Plays").fetchone()
def capture(first_end):
    with connection:
        connection.executemany("INSERT INTO Plays (Kind, Source, TrackId, EndedAt, MsPlayed, Seq) VALUES (1, 3, ?, ?, 180000, 0)",
                               [(track, first_end + i * 200) for i in range(50)])
overview()
print(f"before: overview {overview():6.1f} ms (cached), RSS {rss():.0f} MB")
for poll in range(1, 6):
    newest += 50 * 200
    capture(newest)
    print(f"poll {poll}: 50 newer plays, first overview {overview():6.1f} ms, next {overview():5.1f} ms")
capture(newest - 10 * 86400)
print(f"50 plays older than the newest (full rebuild): first overview {overview():6.1f} ms")
print(f"after: RSS {rss():.0f} MB")
PY
