#!/usr/bin/env bash
# Redirects per second on the local runner with every click recorded (docs/performance.md):
# starts a fresh in-memory runner from JAR, warms it up on one link, measures an unknown slug,
# then a plain link and a link with five targeting rules in turns (ROUNDS of each, interleaved, so
# drift hits both alike, in ABBA order; wrk -t2 -c50, a browser's user agent), and checks afterwards that each
# link's stats count every 302 wrk received (plus at most the 50 answers in flight per run).
# The rules link is the engine's worst case: the visitor fails four rules and lands in the fifth,
# an A/B split (a hash per visit).
#
#   local/bench/redirect-throughput.sh [JAR] [PORT]     (WARMUP=30s DURATION=20s ROUNDS=2 by default)
set -euo pipefail
JAR=${1:-local/runner/target/shortstack-local.jar}
PORT=${2:-8098}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-20s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=50
UA='Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
BASE=http://127.0.0.1:$PORT
export AWS_EC2_METADATA_DISABLED=true AWS_EMF_ENVIRONMENT=Local

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
log=$(mktemp)
java -jar "$JAR" --in-memory --port "$PORT" >"$log" 2>&1 &
runner=$!
trap 'kill $runner 2>/dev/null; wait $runner 2>/dev/null || true; rm -f "$log"' EXIT
until grep -aq "is ready" "$log"; do
  kill -0 $runner 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
KEY=$(grep -ao 'ssk_[A-Za-z0-9_]*' "$log" | head -1)

create() {
  curl -sf -o /dev/null -X POST "$BASE/v1/links" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"url\":\"https://example.com/$1\",\"slug\":\"$1\"${2:+,\"rules\":$2}}"
}
FIVE_RULES='[{"when":{"query":{"ref":"newsletter"}},"url":"https://example.com/mail"},
  {"when":{"country":["DE","AT","CH"],"language":["de"]},"url":"https://example.com/de"},
  {"when":{"os":["ios"],"device":["mobile"]},"url":"https://apps.apple.com/app/id1"},
  {"when":{"os":["android"]},"url":"https://play.google.com/store/apps/details?id=x"},
  {"split":[{"url":"https://example.com/a","weight":50},{"url":"https://example.com/b","weight":50}]}]'
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
create bench-rules "$FIVE_RULES"
measure "$WARMUP" warm-up >/dev/null
read -r miss_rps miss_p50 miss_p99 _ < <(measure "$DURATION" no-such-slug)

echo "| request | round | requests/s | p50 | p99 |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| unknown slug (404, nothing recorded) | 1 | $miss_rps | $miss_p50 | $miss_p99 |"
declare -A completed=([bench]=0 [bench-rules]=0) total_rps=([bench]=0 [bench-rules]=0)
for round in $(seq 1 "$ROUNDS"); do
  # ABBA order: whichever runs second in a round gains from the JIT's progress, so they take turns.
  order=$([ $((round % 2)) = 1 ] && echo "bench bench-rules" || echo "bench-rules bench")
  for slug in $order; do
    read -r rps p50 p99 n < <(measure "$DURATION" "$slug")
    completed[$slug]=$((completed[$slug] + n))
    total_rps[$slug]=$(awk -v a="${total_rps[$slug]}" -v b="$rps" 'BEGIN {print a + b}')
    label=$([ "$slug" = bench ] && echo "a plain link (302, click acknowledged first)" || echo "a link with 5 rules (falls through 4, split by the 5th)")
    echo "| $label | $round | $rps | $p50 | $p99 |"
  done
done
echo
awk -v a="${total_rps[bench-rules]}" -v b="${total_rps[bench]}" \
  'BEGIN {printf "Five rules against plain, mean requests/s over %d rounds each: %.3f\n", '"$ROUNDS"', a / b}'

# The clicks are counted once the queue has drained: wait until the figures stop moving.
status=0
for slug in bench bench-rules; do
  previous=-1
  counted=$(human_clicks "$slug")
  waited=0
  while [ "$counted" != "$previous" ] || { [ "$counted" -lt "${completed[$slug]}" ] && [ $waited -lt 60 ]; }; do
    sleep 2
    waited=$((waited + 2))
    previous=$counted
    counted=$(human_clicks "$slug")
  done
  echo "wrk received ${completed[$slug]} redirects of /$slug; its stats count $counted human clicks."
  if [ "$counted" -lt "${completed[$slug]}" ] || [ "$counted" -gt $((completed[$slug] + CONNECTIONS * ROUNDS)) ]; then
    echo "MISMATCH: expected between ${completed[$slug]} and $((completed[$slug] + CONNECTIONS * ROUNDS))" >&2
    status=1
  fi
done
exit $status
