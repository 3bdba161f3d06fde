#!/usr/bin/env bash
# Redirects per second on the local runner with every click recorded (docs/performance.md):
# starts a fresh in-memory runner from JAR, warms it up on one link, measures an unknown slug
# and then a link (wrk -t2 -c50, a browser's user agent), and checks afterwards that the link's
# stats count every 302 wrk received (plus at most the 50 answers in flight when wrk stopped).
#
#   local/bench/redirect-throughput.sh [JAR] [PORT]     (WARMUP=30s DURATION=20s by default)
set -euo pipefail
JAR=${1:-local/runner/target/shortstack-local.jar}
PORT=${2:-8098}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-20s}
CONNECTIONS=50
UA='Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
BASE=http://127.0.0.1:$PORT
export AWS_EC2_METADATA_DISABLED=true AWS_EMF_ENVIRONMENT=Local

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
log=$(mktemp)
java -jar "$JAR" --in-memory --port "$PORT" >"$log" 2>&1 &
runner=$!
trap 'kill $runner 2>/dev/null; wait $runner 2>/dev/null; rm -f "$log"' EXIT
until grep -aq "is ready" "$log"; do
  kill -0 $runner 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
KEY=$(grep -ao 'ssk_[A-Za-z0-9_]*' "$log" | head -1)

create() {
  curl -sf -o /dev/null -X POST "$BASE/v1/links" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"url\":\"https://example.com/$1\",\"slug\":\"$1\"}"
}
# One wrk run; prints "requests/s p50 p99 completed-requests".
measure() {
  wrk -t2 -c$CONNECTIONS -d"$1" --latency -H "User-Agent: $UA" "$BASE/$2" | awk '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /requests in/ {n=$1} /^Requests\/sec/ {rps=$2}
    END {printf "%s %s %s %s\n", rps, p50, p99, n}'
}
human_clicks() {
  curl -sf "$BASE/v1/stats/links?slugs=$1" -H "Authorization: Bearer $KEY" \
    | grep -o '"human":[0-9]*' | head -1 | cut -d: -f2
}

create warm-up
create bench
measure "$WARMUP" warm-up >/dev/null
read -r miss_rps miss_p50 miss_p99 _ < <(measure "$DURATION" no-such-slug)
read -r rps p50 p99 completed < <(measure "$DURATION" bench)

# The clicks are counted once the queue has drained: wait until the figure stops moving.
previous=-1
counted=$(human_clicks bench)
waited=0
while [ "$counted" != "$previous" ] || { [ "$counted" -lt "$completed" ] && [ $waited -lt 60 ]; }; do
  sleep 2
  waited=$((waited + 2))
  previous=$counted
  counted=$(human_clicks bench)
done

echo "| request | requests/s | p50 | p99 |"
echo "| --- | ---: | ---: | ---: |"
echo "| unknown slug (404, nothing recorded) | $miss_rps | $miss_p50 | $miss_p99 |"
echo "| a link (302, its click queued and acknowledged first) | $rps | $p50 | $p99 |"
echo
echo "wrk received $completed redirects of /bench; its stats count $counted human clicks."
if [ "$counted" -lt "$completed" ] || [ "$counted" -gt $((completed + CONNECTIONS)) ]; then
  echo "MISMATCH: expected between $completed and $((completed + CONNECTIONS))" >&2
  exit 1
fi
