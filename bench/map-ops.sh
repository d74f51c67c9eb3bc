#!/usr/bin/env bash
# JMH benchmarks beside their C baselines, in one run, reported as ratios (not a test: it only measures and prints).
#
#   bench/map-ops.sh                  # everything, ~15 min on 2 CPUs
#   JMH_ARGS='-f 1 -wi 1 -i 2' bench/map-ops.sh   # shorter JMH runs (noisier)
#   ONLY='MapOps|Iteration' bench/map-ops.sh      # a subset of the benchmarks (a JMH regexp)
#
# 1. builds the C baseline, the shared mapbench.c (libbpf, needs root), installing libbpf-dev if its headers are
#    missing (as root, with apt);
# 2. builds benchmarks/target/benchmarks.jar (JMH) with the Maven wrapper;
# 3. runs C (sections single and iter), then the JMH benchmarks (map operations, walks, parse + check beside
#    libbpf's bpf_object__open_mem in the same JVM), then C again, so that a drift of the machine shows on both sides;
# 4. prints the ratios (RatioReport) and writes everything under target/bench/.
# Needs a JDK 22+ (JAVA_HOME, or the newest under /usr/lib/jvm) and a kernel where this user can use bpf().
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
OUT="${OUT:-$ROOT/target/bench}"
C_REPS="${C_REPS:-5}"
ONLY="${ONLY:-MapOpsBenchmark|IterationBenchmark|ObjectOpenBenchmark}"
JMH_ARGS="${JMH_ARGS:-}"
mkdir -p "$OUT"
log() { printf '%s\n' "$*" >&2; }

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
JAVA=""
for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java; do
	if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 22 ] 2>/dev/null; then
		JAVA="$candidate"
		break
	fi
done
[ -n "$JAVA" ] || { log "no JDK 22+ found (set JAVA_HOME or install one under /usr/lib/jvm)"; exit 1; }

# ---------------------------------------------------------------- the C baseline
MAPBENCH_C="$SHARED/perf/mapbench.c"
[ -f "$MAPBENCH_C" ] || { log "no C baseline at $MAPBENCH_C (set SHARED to the folder holding perf/mapbench.c)"; exit 1; }
if ! echo '#include <bpf/bpf.h>' | gcc -E -x c - >/dev/null 2>&1; then
	log "libbpf headers missing: installing libbpf-dev ..."
	apt-get update -qq && apt-get install -y -qq libbpf-dev >/dev/null
fi
gcc -O2 -Wall -o "$OUT/mapbench" "$MAPBENCH_C" -lbpf

# ---------------------------------------------------------------- the Java side
log "building benchmarks.jar ..."
"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl benchmarks -am package -DskipTests >"$OUT/build.log" 2>&1 \
	|| { cat "$OUT/build.log" >&2; exit 1; }
JAR="$ROOT/benchmarks/target/benchmarks.jar"

run_c() {
	log "C baseline ($1) ..."
	"$OUT/mapbench" -s single,iter -r "$C_REPS" -c "$OUT/c-$1.csv" >"$OUT/c-$1.md"
}

run_c before
log "JMH ($ONLY) with $JAVA ..."
# shellcheck disable=SC2086 # JMH_ARGS is a list of options
"$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" "$ONLY" $JMH_ARGS -rf csv -rff "$OUT/jmh.csv" \
	>"$OUT/jmh.log" 2>&1 || { tail -40 "$OUT/jmh.log" >&2; exit 1; }
run_c after

{
	echo "# Benchmarks: Java vs C, $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "kernel $(uname -r), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1), libbpf $(ls /usr/lib/x86_64-linux-gnu/libbpf.so.1.* 2>/dev/null | sed 's/.*so\.//' | head -1)"
	echo
	"$JAVA" -cp "$JAR" org.ebpfj.bench.report.RatioReport "$OUT/jmh.csv" "$OUT/c-before.csv" "$OUT/c-after.csv"
} | tee "$OUT/ratios.md"
log "raw results: $OUT (jmh.log, jmh.csv, c-before.md, c-after.md)"
