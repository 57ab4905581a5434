#!/usr/bin/env bash
# Compares Jersey's embedded containers on the same secured application, one at a time, with wrk on loopback:
# latency at one connection (the Nagle/delayed-ACK stall shows here) and throughput at eight. Bounded: 2 x 10 s
# per container after a 5 s warm-up. Needs Debian's wrk and `mvn -B -q -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench/target/benchmarks.jar
port=18700
printf '| container | c=1 requests/s | c=1 p50 | c=1 p99 | c=8 requests/s | c=8 p50 | c=8 p99 |\n|---|---|---|---|---|---|---|\n'
for container in jdk jdk-nodelay grizzly jetty; do
  log=$(mktemp)
  java -cp "$jar" dev.jwtsecured.bench.ServerChoice "$container" "$port" >"$log" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 100); do grep -q '^token ' "$log" && break; sleep 0.1; done
  token=$(sed -n 's/^token //p' "$log")
  auth="Authorization: Bearer $token"
  wrk -t1 -c8 -d5s -H "$auth" "http://127.0.0.1:$port/secured" >/dev/null
  one=$(wrk -t1 -c1 -d10s --latency -H "$auth" "http://127.0.0.1:$port/secured")
  eight=$(wrk -t1 -c8 -d10s --latency -H "$auth" "http://127.0.0.1:$port/secured")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rps() { sed -n 's/^Requests\/sec: *//p' <<<"$1"; }
  pct() { awk -v p="$2" '$1 == p {print $2}' <<<"$1"; }
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$container" "$(rps "$one")" "$(pct "$one" 50%)" "$(pct "$one" 99%)" \
    "$(rps "$eight")" "$(pct "$eight" 50%)" "$(pct "$eight" 99%)"
  port=$((port + 1))
done
