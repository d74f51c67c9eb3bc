#!/usr/bin/env bash
# Build benchmark for bpf-maven-plugin's compile goal (not a test: it only measures and prints).
#
#   bench/plugin-build.sh            # REPS=5 SOURCES=20 by default; CLANG=/path/to/clang to use another clang
#
# On a generated project of SOURCES BPF sources (a few maps and a program each) it measures, REPS times each,
# and prints medians and ratios taken from this one run (machines are noisy; compare ratios, not seconds). Each
# Maven build is timed twice: wall time of the whole mvn command, and the bpf goal alone (from the log's time
# stamps, without JVM start-up and Maven's boot).
#   (a)  the compile goal, clean build (mvn generate-resources after deleting target/), wall time;
#   (a2) the same with the real clang (no wrapper), threads = CPUs: the parallel build compared with (b);
#   (a1) the same with -Dbpf.threads=1, i.e. one clang at a time, and the real clang (no wrapper): the fair
#        comparison with (b);
#   (b)  the exact clang command lines the plugin ran, replayed one after another in the shell;
#   (c)  a no-op rebuild (nothing changed), asserting that no clang process ran at all;
#   (m)  Maven alone: the same build with -Dbpf.skip=true (JVM start, project model, plugin loading).
# In (a) and (c) clang is wrapped by a script configured as <clang> that records every invocation (it costs one
# bash start per call, which counts against the plugin); (a1) and the replay (b) run the real clang. For (a) and
# (a1) the goal's time is also split into setup (plugin loading, finding clang, writing the BPF headers) and the
# compilations themselves.
#
# The plugin is installed into a private local repository under the work folder, with ~/.m2/repository as its
# read-only tail, so the shared local repository is never written.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/bench/lib.sh"
REPS="${REPS:-5}"
SOURCES="${SOURCES:-20}"
WORK="${WORK:-$(mktemp -d /tmp/bpf-plugin-bench.XXXXXX)}"
mkdir -p "$WORK"
REPO="$WORK/repo"
PROJECT="$WORK/project"
CALLS="$WORK/clang-calls" # one file per clang invocation: parallel clangs never interleave
MVN=("$ROOT/mvnw" -o -B -Dmaven.repo.local="$REPO" -Dmaven.repo.local.tail="$HOME/.m2/repository")

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

log "work folder: $WORK"
log "installing the plugin into $REPO ..."
"${MVN[@]}" -q -f "$ROOT/pom.xml" -pl bpf-maven-plugin -am install -DskipTests >"$WORK/install.log" 2>&1 \
	|| { cat "$WORK/install.log" >&2; exit 1; }
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"

# ---------------------------------------------------------------- the project
mkdir -p "$PROJECT/src/main/bpf"
cat >"$PROJECT/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>plugin-build</artifactId>
  <version>1.0</version>
  <build>
    <plugins>
      <plugin>
        <groupId>org.ebpfj</groupId>
        <artifactId>bpf-maven-plugin</artifactId>
        <version>$VERSION</version>
        <executions><execution><goals><goal>compile</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
for i in $(seq -w 1 "$SOURCES"); do
	n=$((10#$i))
	cat >"$PROJECT/src/main/bpf/prog_$i.bpf.c" <<SRC
// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct flow_key_$i {
	__u32 pid;
	__u32 cpu;
	__u64 cookie;
};

struct flow_stats_$i {
	__u64 calls;
	__u64 bytes;
	__u64 last_ns;
};

struct event_$i {
	__u32 pid;
	__u32 id;
	__u64 ts;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, struct flow_key_$i);
	__type(value, struct flow_stats_$i);
	__uint(max_entries, $((1024 * n)));
} flows_$i SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, $((1000 + n)));
} recent_$i SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct flow_stats_$i);
	__uint(max_entries, 4);
} totals_$i SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events_$i SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_write")
int on_write_$i(void *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct flow_key_$i key = { .pid = id >> 32, .cpu = bpf_get_smp_processor_id(), .cookie = $n };
	struct flow_stats_$i zero = {}, *stats;
	__u32 slot = key.pid % 4;
	__u64 now = bpf_ktime_get_ns();
	struct event_$i *e;

	stats = bpf_map_lookup_elem(&flows_$i, &key);
	if (!stats) {
		bpf_map_update_elem(&flows_$i, &key, &zero, BPF_NOEXIST);
		stats = bpf_map_lookup_elem(&flows_$i, &key);
		if (!stats)
			return 0;
	}
	__sync_fetch_and_add(&stats->calls, 1);
	stats->last_ns = now;
	bpf_map_update_elem(&recent_$i, &key.pid, &now, BPF_ANY);
	stats = bpf_map_lookup_elem(&totals_$i, &slot);
	if (stats)
		stats->calls++;
	if ((now & 0xff) != $((n % 256)))
		return 0;
	e = bpf_ringbuf_reserve(&events_$i, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = key.pid;
	e->id = $n;
	e->ts = now;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
SRC
done

# The bpf goal's own time in ms, from the log's time stamps: from its "--- bpf:..." line to the end of the build
# (generate-resources runs nothing else). It leaves out JVM start-up and Maven's boot, the noisiest part of the
# wall time on a busy machine.
goal_ms() {
	awk '
		function ms(t) { split(t, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
		/ --- bpf:/ { start = ms($1) }
		start && / BUILD SUCCESS/ { print ms($1) - start; exit }' "$1"
}

# The compilations alone in ms: from the log line before "Compiled N of N" (the headers are ready) to that line.
compile_ms() {
	awk '
		function ms(t) { split(t, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
		/\] Compiled [0-9]+ of / { print ms($1) - previous; exit }
		{ previous = ms($1) }' "$1"
}

build() { # build <log> [maven args...]: runs generate-resources in the project, prints the wall time in ms
	local out="$1"
	shift
	local start end
	start="$(now_ms)"
	"${MVN[@]}" -f "$PROJECT/pom.xml" -Dorg.slf4j.simpleLogger.showDateTime=true \
		-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS generate-resources "$@" >"$out" 2>&1 \
		|| { cat "$out" >&2; exit 1; }
	end="$(now_ms)"
	echo $((end - start))
}

# ---------------------------------------------------------------- the clang
if [ -z "${CLANG:-}" ]; then
	log "warm-up build (extracts the embedded clang once, unless one is on the PATH) ..."
	build "$WORK/warmup.log" >/dev/null
	CLANG="$(sed -n 's/^.*\[INFO\] Using \(.*\) (clang version.*/\1/p' "$WORK/warmup.log" | head -1)"
fi
[ -x "$CLANG" ] || { log "no clang: $CLANG"; exit 1; }
WRAPPER="$WORK/clang"
cat >"$WRAPPER" <<WRAP
#!/usr/bin/env bash
printf '%q ' "\$@" >"$CALLS/call.\$\$"
exec "$CLANG" "\$@"
WRAP
chmod +x "$WRAPPER"
mkdir -p "$CALLS"
log "clang: $CLANG ($("$CLANG" --version | head -1)), $(nproc) CPUs"
# Probe results are cached from here on (the real clang was probed by the warm-up when it is the embedded one).
build "$WORK/probe.log" -Dbpf.clang="$WRAPPER" >/dev/null
build "$WORK/probe.log" -Dbpf.clang="$CLANG" >/dev/null

calls() { find "$CALLS" -type f | wc -l; }

# ---------------------------------------------------------------- the measurements
declare -a A A1 A2 B C M TA TA1 TA2 TC TM KA KA1 KA2 R R1 R2
for rep in $(seq 1 "$REPS"); do
	rm -rf "$PROJECT/target" "$CALLS" && mkdir "$CALLS"
	A+=("$(build "$WORK/a.log" -Dbpf.clang="$WRAPPER")")
	TA+=("$(goal_ms "$WORK/a.log")")
	KA+=("$(compile_ms "$WORK/a.log")")
	grep -q "\] Compiled $SOURCES of $SOURCES BPF sources" "$WORK/a.log" || { log "(a) did not compile everything"; exit 1; }
	for call in "$CALLS"/call.*; do cat "$call"; echo; done | grep -- ' -c ' >"$WORK/commands.txt"
	[ "$(wc -l <"$WORK/commands.txt")" -eq "$SOURCES" ] || { log "(a) ran $(wc -l <"$WORK/commands.txt") compilations"; exit 1; }

	before="$(calls)"
	C+=("$(build "$WORK/c.log" -Dbpf.clang="$WRAPPER")")
	TC+=("$(goal_ms "$WORK/c.log")")
	grep -q "\] All $SOURCES BPF objects are up to date, nothing to compile" "$WORK/c.log" \
		|| { log "(c) was not a no-op"; exit 1; }
	[ "$(calls)" -eq "$before" ] || { log "(c) ran clang $(( $(calls) - before )) times"; exit 1; }

	rm -rf "$PROJECT/target"
	A2+=("$(build "$WORK/a2.log" -Dbpf.clang="$CLANG")")
	TA2+=("$(goal_ms "$WORK/a2.log")")
	KA2+=("$(compile_ms "$WORK/a2.log")")

	rm -rf "$PROJECT/target"
	A1+=("$(build "$WORK/a1.log" -Dbpf.clang="$CLANG" -Dbpf.threads=1)")
	TA1+=("$(goal_ms "$WORK/a1.log")")
	KA1+=("$(compile_ms "$WORK/a1.log")")

	# (b): the same command lines, in the project folder where the plugin ran them, one after another.
	start="$(now_ms)"
	(cd "$PROJECT" && while IFS= read -r line; do eval "\"$CLANG\" ${line}" || exit 1; done <"$WORK/commands.txt")
	B+=("$(( $(now_ms) - start ))")

	M+=("$(build "$WORK/m.log" -Dbpf.clang="$WRAPPER" -Dbpf.skip=true)")
	TM+=("$(goal_ms "$WORK/m.log")")
	# This repetition's ratios in thousandths: goal time over the replay, taken minutes apart at most.
	R+=("$(( TA[-1] * 1000 / B[-1] ))")
	R1+=("$(( TA1[-1] * 1000 / B[-1] ))")
	R2+=("$(( KA2[-1] * 1000 / B[-1] ))")
	log "rep $rep: wall a=${A[-1]} a1=${A1[-1]} a2=${A2[-1]} b=${B[-1]} c=${C[-1]} m=${M[-1]} ms;" \
		"goal a=${TA[-1]} a1=${TA1[-1]} c=${TC[-1]} m=${TM[-1]} ms; compiling a=${KA[-1]} a1=${KA1[-1]} a2=${KA2[-1]} ms"
done

med() { printf '%s\n' "$@" | median; }
a="$(med "${A[@]}")" a1="$(med "${A1[@]}")" b="$(med "${B[@]}")" c="$(med "${C[@]}")" m="$(med "${M[@]}")"
ta="$(med "${TA[@]}")" ta1="$(med "${TA1[@]}")" tc="$(med "${TC[@]}")" tm="$(med "${TM[@]}")"
ka="$(med "${KA[@]}")" ka1="$(med "${KA1[@]}")" ka2="$(med "${KA2[@]}")"
a2="$(med "${A2[@]}")" ta2="$(med "${TA2[@]}")"
r="$(med "${R[@]}")" r1="$(med "${R1[@]}")" r2="$(med "${R2[@]}")"
cat <<REPORT

bpf-maven-plugin build benchmark: $SOURCES sources, $REPS repetitions, medians ($(nproc) CPUs, $("$CLANG" --version | head -1))
                                            mvn wall   bpf goal   of which compiling
  (a)  compile goal, clean build            $(secs "$a") s    $(secs "$ta") s     $(secs "$ka") s   (threads = CPUs, wrapper)
  (a2) compile goal, clean, real clang      $(secs "$a2") s    $(secs "$ta2") s     $(secs "$ka2") s   (threads = CPUs)
  (a1) compile goal, clean, threads=1       $(secs "$a1") s    $(secs "$ta1") s     $(secs "$ka1") s
  (b)  the same clang commands, sequential  $(secs "$b") s
  (c)  no-op rebuild, no clang process ran  $(secs "$c") s    $(secs "$tc") s
  (m)  Maven alone (-Dbpf.skip=true)        $(secs "$m") s    $(secs "$tm") s
  ratios of medians, mvn wall:   (a)/(b) = $(ratio "$a" "$b")   (a1)/(b) = $(ratio "$a1" "$b")
  ratios of medians, bpf goal:   (a)/(b) = $(ratio "$ta" "$b")   (a1)/(b) = $(ratio "$ta1" "$b")
  ratios of medians, compiling:  (a)/(b) = $(ratio "$ka" "$b")   (a1)/(b) = $(ratio "$ka1" "$b")   (a2)/(b) = $(ratio "$ka2" "$b")
  median of per-repetition ratios, bpf goal: (a)/(b) = $(ratio "$r" 1000)   (a1)/(b) = $(ratio "$r1" 1000)
  median of per-repetition ratios, compiling, parallel real clang vs sequential: (a2)/(b) = $(ratio "$r2" 1000)
REPORT
