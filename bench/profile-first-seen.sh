#!/usr/bin/env bash
# Where a first-seen token's verification spends its time: JMH's VerifyBenchmark.jwtsecuredNoCacheDistinctTokens
# (every token new, no cache) under Java Flight Recorder, then the sampled stacks summed by top frame and by the
# library that owns the frame. Needs bench/target/benchmarks.jar. About 1 minute.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
java -jar bench/target/benchmarks.jar 'VerifyBenchmark.jwtsecuredNoCacheDistinctTokens$' -f 1 -wi 3 -w 2s -i 5 -r 2s \
  -jvmArgsAppend "-XX:StartFlightRecording=filename=$dir/first-seen.jfr,settings=profile" >/dev/null
jfr print --events jdk.ExecutionSample --stack-depth 64 "$dir/first-seen.jfr" | python3 -c '
import collections, re, sys
samples, top, owner = 0, collections.Counter(), collections.Counter()
for event in sys.stdin.read().split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
    if not frames or not any("TokenCodec" in f for f in frames):
        continue  # JMH, the JIT and GC threads
    samples += 1
    top[frames[0]] += 1
    first = frames[0]
    lib = ("jjwt" if first.startswith("io.jsonwebtoken") else "jwtsecured" if first.startswith("dev.jwtsecured")
           else "JDK crypto" if first.startswith(("com.sun.crypto", "sun.security", "javax.crypto"))
           else "JDK other" if first.startswith(("java.", "jdk.", "sun.")) else first.split(".")[0])
    owner[lib] += 1
print("%d samples in TokenCodec.verify" % samples)
print("| where the sampled frame is | share |\n|---|---|")
for k, v in owner.most_common():
    print("| %s | %.1f%% |" % (k, 100.0 * v / samples))
print("\n| top frame | share |\n|---|---|")
for k, v in top.most_common(15):
    print("| `%s` | %.1f%% |" % (k, 100.0 * v / samples))'
rm -rf "$dir"
