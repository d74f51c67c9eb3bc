#!/usr/bin/env bash
# Drain rate of the event readers beside libbpf's own consumers, in one run (not a test: it measures and prints).
#
#   bench/events.sh              # 3 rounds, a few minutes on 2 CPUs
#   ROUNDS=5 bench/events.sh
#   JMH_OPTS=-Djmh.ignoreLock=true bench/events.sh   # when another JMH run holds /tmp/jmh.lock
#
# Both sides load the same object (events.bpf.o of the bpf-kernel tests, its ring buffer resized to 4 MiB) and do the
# same thing: a program run by BPF_PROG_TEST_RUN with repeat 80,000 fills the buffer with 80,000 32-byte events,
# then one timed consume takes them all, summing a field of each in place.
#   C:    bench/eventbench.c, ring_buffer__consume and perf_buffer__consume (libbpf), median of 30 fills;
#   Java: EventDrainBenchmark (JMH), RingBufferReader.consumeRaw and PerfBufferReader.consumeRaw, median of the
#         measurement iterations; one extra run with -prof gc gives the bytes allocated per event.
# Rounds alternate which side runs first; each round gives a ratio (Java events/s / C events/s) and the report
# takes their median. The last two lines are the ratios:
#   ringbuf drain: R× libbpf
#   perfbuf drain: R× libbpf
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-$ROOT/target/bench}"
ROUNDS="${ROUNDS:-3}"
OBJECT="$ROOT/bpf-kernel/src/test/resources/bpf/events.bpf.o"
mkdir -p "$OUT"
. "$ROOT/bench/lib.sh"
find_java

# ---------------------------------------------------------------- the C side
need_libbpf_headers bpf/libbpf.h
gcc -O2 -Wall -o "$OUT/eventbench" "$ROOT/bench/eventbench.c" -lbpf

# ---------------------------------------------------------------- the Java side
build_benchmarks_jar
: >"$OUT/events-jmh.log"
java_side() { # java_side OUT.csv: ns per event, ring and perf
	"$JAVA" --enable-native-access=ALL-UNNAMED ${JMH_OPTS:-} -cp "$JAR" org.ebpfj.bench.BenchRunner "$1" EventDrainBenchmark \
		-wi 5 -w 1 -i 10 -r 1 >>"$OUT/events-jmh.log" 2>&1 || { tail -40 "$OUT/events-jmh.log" >&2; exit 1; }
}
c_side() { "$OUT/eventbench" "$OBJECT" 30 >"$1" 2>>"$OUT/events-c.log"; }

RING=()
PERF=()
for round in $(seq 1 "$ROUNDS"); do
	log "round $round of $ROUNDS ..."
	if [ $((round % 2)) -eq 1 ]; then c_side "$OUT/c-events-$round.txt"; java_side "$OUT/java-events-$round.csv"
	else java_side "$OUT/java-events-$round.csv"; c_side "$OUT/c-events-$round.txt"; fi
	c_ring=$(awk '$1 == "ring" {print $2}' "$OUT/c-events-$round.txt")
	c_perf=$(awk '$1 == "perf" {print $2}' "$OUT/c-events-$round.txt")
	j_ring=$(awk -F, '$1 == "EventDrainBenchmark.drain[ring]" {print $2}' "$OUT/java-events-$round.csv")
	j_perf=$(awk -F, '$1 == "EventDrainBenchmark.drain[perf]" {print $2}' "$OUT/java-events-$round.csv")
	log "  ns/event: ring C $c_ring Java $j_ring, perf C $c_perf Java $j_perf"
	RING+=("$(awk -v c="$c_ring" -v j="$j_ring" 'BEGIN {printf "%.3f", c / j}')")
	PERF+=("$(awk -v c="$c_perf" -v j="$j_perf" 'BEGIN {printf "%.3f", c / j}')")
done
log "allocation per event on the raw path (JMH -prof gc) ..."
"$JAVA" --enable-native-access=ALL-UNNAMED ${JMH_OPTS:-} -cp "$JAR" org.ebpfj.bench.BenchRunner "$OUT/java-events-gc.csv" \
	EventDrainBenchmark -wi 3 -w 1 -i 5 -r 1 -prof gc >"$OUT/events-gc.log" 2>&1
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
{
	echo "# Event drain: Java raw path vs libbpf's consumers, $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "kernel $(uname -r), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1), $ROUNDS rounds; ratios per round:"
	echo "  ring ${RING[*]}"
	echo "  perf ${PERF[*]}"
	grep -E '^EventDrainBenchmark.drain:gc.alloc.rate.norm' "$OUT/events-gc.log" | sed 's/^/  /'
	echo "ringbuf drain: $(median "${RING[@]}")× libbpf"
	echo "perfbuf drain: $(median "${PERF[@]}")× libbpf"
} | tee "$OUT/events.md"
