#!/usr/bin/env bash
# The sample as a user runs it (the README's first command: java -jar, its own Jetty server, no extra flags), loaded
# with Debian's wrk on loopback: an authenticated GET /some-path at 1 and 8 connections. Bounded: 30 s warm-up, then
# 2 x 10 s. Needs `mvn -B -q -DskipTests package` first; JAR names another build of the sample to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18800}
JWT_SECRET=http-bench-secret-http-bench-secret-http-bench \
  java -jar "${JAR:-sample/target/jwtsecured-sample.jar}" --port "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/schema/openapi.json" && break; sleep 0.1; done
token=$(curl -s -X POST "http://127.0.0.1:$port/login" -d 'grant_type=password&username=alice&password=wonderland' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
auth="Authorization: Bearer $token"
url="http://127.0.0.1:$port/some-path"
wrk -t1 -c8 -d20s -H "$auth" "$url" >/dev/null
wrk -t1 -c1 -d10s -H "$auth" "$url" >/dev/null
echo "sample server (java -jar), authenticated GET /some-path, $(date -u +%Y-%m-%d), $(nproc) cores"
printf '| connections | requests/s | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n'
for c in 1 8; do
  out=$(wrk -t1 -c"$c" -d10s --latency -H "$auth" "$url")
  pct() { awk -v p="$1" '$1 == p {print $2}' <<<"$out"; }
  max=$(awk '$1 == "Latency" {print $4; exit}' <<<"$out")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$c" "$(sed -n 's/^Requests\/sec: *//p' <<<"$out")" "$(pct 50%)" \
    "$(pct 90%)" "$(pct 99%)" "$max"
done
