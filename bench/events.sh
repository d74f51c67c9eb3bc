#!/usr/bin/env bash
# Drain rate of the event readers beside libbpf's own consumers, in one run (not a test: it measures and prints).
#
#   bench/events.sh              # 3 rounds, about 10 minutes on 2 CPUs (a perf fill takes ~0.3 s)
#   ROUNDS=5 ROUNDS_N=100 bench/events.sh
#   JMH_OPTS=-Djmh.ignoreLock=true bench/events.sh   # when another JMH run holds /tmp/jmh.lock
#
# Both sides load the same object (events.bpf.o of the bpf-kernel tests, its ring buffer resized to 4 MiB) and do the
# same thing: a program run by BPF_PROG_TEST_RUN with repeat 80,000 fills the buffer with 80,000 32-byte events
# (untimed), then one timed consume takes them all, summing a field of each in place.
#   C:    bench/eventbench.c, ring_buffer__consume and perf_buffer__consume (libbpf), built as a shared library;
#   Java: RingBufferReader.consumeRaw and PerfBufferReader.consumeRaw.
# EventDrainComparison runs both in one JVM, taking turns fill by fill (each side on its own copy of the object),
# so both see the same load at the same moment; a round reports the median ns/event of each side over ROUNDS_N
# drains. One JMH run of EventDrainBenchmark with -prof gc gives the bytes allocated per event.
# Each round gives a ratio (Java events/s / C events/s); the report takes their median. The last two lines are:
#   ringbuf drain: R× libbpf
#   perfbuf drain: R× libbpf
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-$ROOT/target/bench}"
ROUNDS="${ROUNDS:-3}"
mkdir -p "$OUT"
. "$ROOT/bench/lib.sh"
find_java

# ---------------------------------------------------------------- the C side
need_libbpf_headers bpf/libbpf.h
gcc -O2 -Wall -shared -fPIC -o "$OUT/libeventbench.so" "$ROOT/bench/eventbench.c" -lbpf

# ---------------------------------------------------------------- the Java side, and the rounds
build_benchmarks_jar
RING=()
PERF=()
LOADS=()
for round in $(seq 1 "$ROUNDS"); do
	log "round $round of $ROUNDS ..."
	LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
	"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$JAR" org.ebpfj.bench.EventDrainComparison \
		"$OUT/libeventbench.so" "${ROUNDS_N:-60}" >"$OUT/events-$round.txt" 2>>"$OUT/events-comparison.log" \
		|| { tail -40 "$OUT/events-comparison.log" >&2; exit 1; }
	read -r _ c_ring j_ring < <(grep '^ring ' "$OUT/events-$round.txt")
	read -r _ c_perf j_perf < <(grep '^perf ' "$OUT/events-$round.txt")
	log "  ns/event: ring C $c_ring Java $j_ring, perf C $c_perf Java $j_perf"
	RING+=("$(awk -v c="$c_ring" -v j="$j_ring" 'BEGIN {printf "%.3f", c / j}')")
	PERF+=("$(awk -v c="$c_perf" -v j="$j_perf" 'BEGIN {printf "%.3f", c / j}')")
done
log "allocation per event on the raw path (JMH -prof gc) ..."
"$JAVA" --enable-native-access=ALL-UNNAMED ${JMH_OPTS:-} -cp "$JAR" org.ebpfj.bench.BenchRunner "$OUT/java-events-gc.csv" \
	EventDrainBenchmark -wi 10 -i 30 -prof gc >"$OUT/events-gc.log" 2>&1 || { tail -40 "$OUT/events-gc.log" >&2; exit 1; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
{
	echo "# Event drain: Java raw path vs libbpf's consumers, $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "kernel $(uname -r), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1), $ROUNDS rounds of ${ROUNDS_N:-60} drains"
	echo "load average (1 min) at each round's start: ${LOADS[*]}; ratios per round:"
	echo "  ring ${RING[*]}"
	echo "  perf ${PERF[*]}"
	grep -E '^EventDrainBenchmark.drain:gc.alloc.rate.norm' "$OUT/events-gc.log" | sed 's/^/  /'
	echo "ringbuf drain: $(median "${RING[@]}")× libbpf"
	echo "perfbuf drain: $(median "${PERF[@]}")× libbpf"
} | tee "$OUT/events.md"
