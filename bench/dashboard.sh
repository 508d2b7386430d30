#!/usr/bin/env bash
# Dashboard benchmark: imports N generated plays (default 1,000,000; the same data as bench/import.sh), starts
# the app as the container ships it, and requests every fragment for all time, the data's last year and its
# last week, printing the first (computed) and then p50/p95 server time per fragment; then times the whole
# page settling in Chromium. Restarts the app so that "first" is a real first computation.
#   usage: bench/dashboard.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

plays="${1:-1000000}"
out="bench/out"
source bench/common.sh
port=5190
dashboard_import
start_app "$dashboard_data" "$port" "$out/dashboard-app.log"

python3 - "$port" <<'PY'
import statistics, sys, time, urllib.request
port = sys.argv[1]
periods = {"all time": "", "last year": "&from=2024-07-01&to=2025-06-30", "one week": "&from=2025-06-24&to=2025-06-30"}
fragments = ["Overview", "OverTime", "Heatmap", "Sessions", "Streaks", "Discovery", "Top&kind=Artists", "Top&kind=Tracks", "Top&kind=Albums"]
def timed(path):
    start = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
        response.read()
    return (time.perf_counter() - start) * 1000
worst = {}
for period, query in periods.items():
    for fragment in fragments + ["page"]:
        path = f"/?{query[1:]}" if fragment == "page" else f"/?handler={fragment}{query}"
        first = timed(path)  # computed now; later requests for the same view come from the panel cache
        samples = sorted(timed(path) for _ in range(40))
        p50, p95 = statistics.median(samples), samples[int(len(samples) * 0.95) - 1]
        worst[(period, fragment)] = p95
        print(f"{period:10} {fragment:17} first {first:6.1f} ms  then p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
for fragment in fragments:
    ratio = worst[("all time", fragment)] / max(worst[("one week", fragment)], 0.1)
    print(f"{fragment:17} all time / one week p95: {ratio:4.1f}x")
PY

if [[ ! -d bench/node_modules/playwright-core ]]; then
    (cd bench && npm install --no-save --silent playwright-core@1 >/dev/null)
fi
node bench/page-settled.mjs "http://127.0.0.1:$port/" 5
