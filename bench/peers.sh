#!/usr/bin/env bash
# Three HTTP peers side by side in one run, on loopback, each started as its users start it:
#   jwtsecured  the sample (java -jar sample/target/jwtsecured-sample.jar, its Jetty server, no extra flags)
#   quarkus     bench/peers/quarkus: Quarkus 3.33.2, quarkus-rest + quarkus-smallrye-jwt (java -jar quarkus-run.jar)
#   fastapi     bench/peers/fastapi: FastAPI + PyJWT from Debian's packages, on uvicorn with 2 workers (one per core)
# The same contract on each: GET /admin with bob's HS256 token (verify, then require the admin role) and GET /health
# (open). One token, from the sample's token endpoint, verified by all three with the same secret. wrk -t1 -c8: 15 s
# warm-up per peer, then ROUNDS (3) interleaved rounds of 10 s per route; the table gives each route's median round.
# Writes every round to bench/results/peers.csv and prints the table. About 6 minutes.
# Needs: `mvn -B -q -DskipTests install` (the sample's jar and bench/target/benchmarks.jar); Debian's wrk,
# python3-fastapi, python3-jwt, python3-uvicorn, python3-multipart, and python3-httptools and python3-uvloop, which
# uvicorn picks up by itself (its "standard" set: without them it answers about 15x slower here). Builds the
# Quarkus peer when it is missing. Then draws bench/charts/peers-*.png (and verification.png from verify.json).
set -euo pipefail
cd "$(dirname "$0")/.."
secret=peers-bench-secret-peers-bench-secret-peers-bench
duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-15s}
out=bench/results/peers.csv
quarkus_jar=bench/peers/quarkus/target/quarkus-app/quarkus-run.jar
[ -f "$quarkus_jar" ] || mvn -B -q -ntp -f bench/peers/quarkus/pom.xml package
jwk=$(mktemp)
python3 - "$secret" >"$jwk" <<'PY'
import base64, json, sys
print(json.dumps({"kty": "oct", "k": base64.urlsafe_b64encode(sys.argv[1].encode()).rstrip(b"=").decode()}))
PY

pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=""; }
trap 'stop; rm -f "$jwk"' EXIT
wait_for() {
  for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer at $1" >&2
  exit 1
}

start() { # peer port
  case "$1" in
    jwtsecured) JWT_SECRET=$secret java -jar sample/target/jwtsecured-sample.jar --port "$2" >/dev/null 2>&1 & ;;
    quarkus) java -Dquarkus.http.port="$2" -Dsmallrye.jwt.verify.key.location="file:$jwk" -jar "$quarkus_jar" \
      >/dev/null 2>&1 & ;;
    fastapi) (cd bench/peers/fastapi && JWT_SECRET=$secret exec /usr/bin/python3 -m uvicorn app:app --host 127.0.0.1 \
      --port "$2" --workers 2 --no-access-log --log-level warning) >/dev/null 2>&1 & ;;
  esac
  pid=$!
  wait_for "http://127.0.0.1:$2/health"
}

measure() { # peer route url auth-header...
  local peer=$1 route=$2 url=$3; shift 3
  wrk -t1 -c8 -d"$duration" --latency "$@" "$url" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s*([\d.]+)", text).group(1))
p = {k: ms(v) for k, v in re.findall(r"^\s*(50|99)%\s+(\S+)", text, re.M)}
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: .*", text)
if bad or errors:
    sys.exit("%s %s: %s" % (sys.argv[1], sys.argv[2], (bad or errors).group(0)))
print("%s,%s,%s,8,%.0f,%.3f,%.3f" % (sys.argv[1], sys.argv[2], sys.argv[3], rps, p["50"], p["99"]))' \
    "$peer" "$route" "$round" >>"$out"
}

echo "peer,route,round,connections,requests_per_s,p50_ms,p99_ms" >"$out"
port=18810
start jwtsecured $port
token=$(curl -s -X POST "http://127.0.0.1:$port/login" -d 'grant_type=password&username=bob&password=builder' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
for peer in jwtsecured quarkus fastapi; do
  [ "$peer" = jwtsecured ] || { port=$((port + 1)); start "$peer" $port; }
  auth="Authorization: Bearer $token"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "http://127.0.0.1:$port/admin")
  [ "$status" = 200 ] || { echo "$peer: GET /admin with bob's token answered $status" >&2; exit 1; }
  wrk -t1 -c8 -d"$warmup" -H "$auth" "http://127.0.0.1:$port/admin" >/dev/null
  wrk -t1 -c8 -d5s "http://127.0.0.1:$port/health" >/dev/null
  for round in $(seq 1 "$rounds"); do
    measure "$peer" authenticated "http://127.0.0.1:$port/admin" -H "$auth"
    measure "$peer" open "http://127.0.0.1:$port/health"
  done
  stop
done

echo "HTTP peers, wrk -t1 -c8, median of $rounds rounds of $duration on loopback, $(date -u +%Y-%m-%d), $(nproc) cores," \
  "$(java -version 2>&1 | head -1)"
python3 - "$out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
by = {}
for key in {(r["peer"], r["route"]) for r in rows}:
    rounds = sorted((r for r in rows if (r["peer"], r["route"]) == key), key=lambda r: float(r["requests_per_s"]))
    by[key] = rounds[(len(rounds) - 1) // 2]  # the median round (the lower one of an even count)
fastapi = float(by[("fastapi", "authenticated")]["requests_per_s"])
print("| peer | authenticated req/s | p50 | p99 | open req/s | p50 | p99 | price of security | vs FastAPI |")
print("|---|---|---|---|---|---|---|---|---|")
for peer in ("jwtsecured", "quarkus", "fastapi"):
    a, o = by[(peer, "authenticated")], by[(peer, "open")]
    ra, ro = float(a["requests_per_s"]), float(o["requests_per_s"])
    spread = lambda route: "%.0f-%.0f" % tuple(f(float(r["requests_per_s"]) for r in rows
                                             if (r["peer"], r["route"]) == (peer, route)) for f in (min, max))
    print("| %s | %.0f [%s] | %s ms | %s ms | %.0f [%s] | %s ms | %s ms | %.2f | %.1fx |" % (
        peer, ra, spread("authenticated"), a["p50_ms"], a["p99_ms"], ro, spread("open"), o["p50_ms"], o["p99_ms"],
        ra / ro, ra / fastapi))
PY

java -cp bench/target/benchmarks.jar dev.jwtsecured.bench.Charts bench/results bench/charts
