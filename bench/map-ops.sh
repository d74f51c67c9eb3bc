#!/usr/bin/env bash
# JMH benchmarks beside their C baselines, in one run, reported as ratios (not a test: it only measures and prints).
#
#   bench/map-ops.sh                  # everything, ~23 min on 2 CPUs
#   ROUNDS=5 bench/map-ops.sh         # more rounds of the single-operation comparison
#   ONLY=open bench/map-ops.sh        # only parse + check vs libbpf's open, every object (~4.5 min a round)
#
# 1. builds the C baseline, the shared mapbench.c (libbpf, needs root), installing libbpf-dev if its headers are
#    missing (as root, with apt);
# 2. builds benchmarks/target/benchmarks.jar (JMH) with the Maven wrapper;
# 3. single operations, in ROUNDS rounds (3): C (mapbench -s single) and Java (MapOpsBenchmark) one after the other,
#    in alternating order; each round gives a ratio and the report takes their median, so that a slow minute of
#    the machine, which lands on one side of one round, decides nothing;
# 4. walks of a 1M-entry HASH in ROUNDS rounds, alternating C (mapbench -s iter) and Java (IterationBenchmark);
# 5. parse + check beside libbpf's bpf_object__open_mem, both in one JVM (ObjectOpenBenchmark);
# 6. prints the ratios (RatioReport) and writes everything under target/bench/.
# Java sides are medians of JMH iterations (BenchRunner), C sides medians of mapbench's timed runs.
# Needs a JDK 22+ (JAVA_HOME, or the newest under /usr/lib/jvm) and a kernel where this user can use bpf().
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
OUT="${OUT:-$ROOT/target/bench}"
ROUNDS="${ROUNDS:-3}"
ONLY="${ONLY:-}"
mkdir -p "$OUT"
. "$ROOT/bench/lib.sh"
find_java

build_jar() { build_benchmarks_jar; }
java_bench() { # java_bench OUT.csv [JMH options and regexps]
	local out="$1"
	shift
	"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$JAR" org.ebpfj.bench.BenchRunner "$out" "$@" \
		>>"$OUT/jmh.log" 2>&1 || { tail -40 "$OUT/jmh.log" >&2; exit 1; }
}

if [ "$ONLY" = open ]; then
	# Both sides run in one JVM (libbpf through FFM), so no C baseline is built; ROUNDS rounds, median ratio.
	build_jar
	: >"$OUT/jmh.log"
	OPEN=()
	for round in $(seq 1 "$ROUNDS"); do
		log "round $round of $ROUNDS: parse + check vs libbpf's open (load $(cut -d' ' -f1-3 /proc/loadavg)) ..."
		java_bench "$OUT/java-open-$round.csv" ObjectOpenBenchmark
		OPEN+=("$OUT/java-open-$round.csv")
	done
	{
		echo "# parse + check vs libbpf's open, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
		echo
		"$JAVA" -cp "$JAR" org.ebpfj.bench.report.RatioReport --open "${OPEN[@]}"
	} | tee "$OUT/open-ratios.md"
	exit 0
fi

# ---------------------------------------------------------------- the C baseline
MAPBENCH_C="$SHARED/perf/mapbench.c"
[ -f "$MAPBENCH_C" ] || { log "no C baseline at $MAPBENCH_C (set SHARED to the folder holding perf/mapbench.c)"; exit 1; }
need_libbpf_headers bpf/bpf.h
gcc -O2 -Wall -o "$OUT/mapbench" "$MAPBENCH_C" -lbpf

# ---------------------------------------------------------------- the Java side
build_jar
c_bench() { # c_bench OUT.csv SECTION [mapbench options]
	local out="$1" section="$2"
	shift 2
	"$OUT/mapbench" -s "$section" -c "$out" "$@" >"${out%.csv}.md"
}
: >"$OUT/jmh.log"
PAIRS=()
for round in $(seq 1 "$ROUNDS"); do
	log "round $round of $ROUNDS: single operations, C and Java ..."
	c_single() { c_bench "$OUT/c-single-$round.csv" single -r 3 -n 300000; }
	java_single() { java_bench "$OUT/java-single-$round.csv" MapOpsBenchmark -wi 4 -w 1 -i 6 -r 1; }
	if [ $((round % 2)) -eq 1 ]; then c_single; java_single; else java_single; c_single; fi
	PAIRS+=("$OUT/java-single-$round.csv" "$OUT/c-single-$round.csv")
done
# Walks in rounds too: a 1M-entry walk on this kind of machine settles into one of two speeds (~360 or ~460 ms a
# walk for the same code and the same kernel, switching from one minute to the next), so one C run beside one
# Java run can land on different speeds; the median of alternating rounds cannot.
for round in $(seq 1 "$ROUNDS"); do
	log "round $round of $ROUNDS: walks of a 1M-entry HASH, C and Java ..."
	c_iter() { c_bench "$OUT/c-iter-$round.csv" iter -r 5; }
	java_iter() { java_bench "$OUT/java-iter-$round.csv" IterationBenchmark; }
	if [ $((round % 2)) -eq 1 ]; then c_iter; java_iter; else java_iter; c_iter; fi
	PAIRS+=("$OUT/java-iter-$round.csv" "$OUT/c-iter-$round.csv")
done
log "parse + check vs libbpf's open (both in one JVM) ..."
java_bench "$OUT/java-open.csv" ObjectOpenBenchmark
# The report reads results in (Java, C) pairs; this file has no C side, so it goes with the last walk's C run,
# whose rows it does not share (a row is the median of the rounds that measured both of its sides).
PAIRS+=("$OUT/java-open.csv" "$OUT/c-iter-$ROUNDS.csv")

{
	echo "# Benchmarks: Java vs C, $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "kernel $(uname -r), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1), libbpf $(ls /usr/lib/x86_64-linux-gnu/libbpf.so.1.* 2>/dev/null | sed 's/.*so\.//' | head -1), $ROUNDS rounds of single operations"
	echo
	"$JAVA" -cp "$JAR" org.ebpfj.bench.report.RatioReport "${PAIRS[@]}"
} | tee "$OUT/ratios.md"
log "raw results: $OUT (jmh.log, java-*.csv, c-*.csv and .md)"
