#!/usr/bin/env bash
# Compares the vmlinux.h the plugin writes (pure Java) with bpftool's, from the same BTF (not a test: it prints,
# and exits 1 when a declaration differs or a header does not compile).
#
#   bench/vmlinux-vs-bpftool.sh                  # the running kernel's BTF
#   BTF=/path/to/btf CLANG=/path/to/clang bench/vmlinux-vs-bpftool.sh
#
# 1. bpftool (installed with apt as root when missing) writes bpftool.h; VmlinuxCompare writes ebpfj.h with the
#    same code as the plugin's vmlinux goal and compares the named structs, unions, enums, typedefs and enumerators;
# 2. one BPF source that uses kernel types as tracing programs do (a tracepoint context struct, task_struct through
#    CO-RE reads) is compiled against each header with clang -target bpf -O2 -g, and the two objects' BTF is
#    compared: a program sees the same types, sizes and member offsets with either header.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BTF="${BTF:-/sys/kernel/btf/vmlinux}"
OUT="${OUT:-$ROOT/target/vmlinux-vs-bpftool}"
CLANG="${CLANG:-$(ls "$HOME"/.m2/repository/.cache/bpf-maven-plugin/llvm-*/clang 2>/dev/null | head -1)}"
mkdir -p "$OUT"
log() { printf '%s\n' "$*" >&2; }

[ -x "$CLANG" ] || { log "no clang: set CLANG (a build of the example extracts the embedded one under ~/.m2)"; exit 1; }
if ! command -v bpftool >/dev/null; then
	log "installing bpftool ..."
	apt-get update -qq && apt-get install -y -qq bpftool >/dev/null
fi
bpftool btf dump file "$BTF" format c >"$OUT/bpftool.h"

"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl bpf-object package -DskipTests >"$OUT/build.log" 2>&1 \
	|| { cat "$OUT/build.log" >&2; exit 1; }
JAR="$(ls "$ROOT"/bpf-object/target/bpf-object-*.jar | grep -v -e sources -e tests | head -1)"
status=0
java -cp "$JAR" "$ROOT/bench/VmlinuxCompare.java" "$BTF" "$OUT/bpftool.h" "$OUT/ebpfj.h" || status=1

cat >"$OUT/probe.bpf.c" <<'SRC'
#include "vmlinux.h"
#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define READ(dst, src) __builtin_preserve_access_index(({ dst = (src); }))

struct event { pid_t pid; pid_t ppid; char comm[TASK_COMM_LEN]; u64 args[6]; };
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, u32);
	__type(value, struct event);
	__uint(max_entries, 1024);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int probe(struct trace_event_raw_sys_enter *ctx)
{
	struct event e = {};
	struct task_struct *task = (struct task_struct *)0;
	for (int i = 0; i < 6; i++)
		e.args[i] = ctx->args[i];
	READ(e.pid, task->pid);
	READ(e.ppid, task->real_parent->tgid);
	return sizeof(struct sk_buff) + sizeof(struct bpf_map) + sizeof(union bpf_attr) + e.pid;
}
char LICENSE[] SEC("license") = "GPL";
SRC
for h in bpftool ebpfj; do
	mkdir -p "$OUT/$h"
	cp "$OUT/$h.h" "$OUT/$h/vmlinux.h"
	if "$CLANG" -target bpf -O2 -g -D__TARGET_ARCH_x86 -I"$OUT/$h" -c "$OUT/probe.bpf.c" -o "$OUT/$h.o" 2>"$OUT/$h.err"; then
		log "$h: the probe compiles ($(wc -l <"$OUT/$h.h") header lines)"
	else
		log "$h: the probe does not compile:"; head -20 "$OUT/$h.err" >&2; status=1
	fi
done
if [ -f "$OUT/bpftool.o" ] && [ -f "$OUT/ebpfj.o" ]; then
	bpftool btf dump file "$OUT/bpftool.o" >"$OUT/bpftool.o.btf"
	bpftool btf dump file "$OUT/ebpfj.o" >"$OUT/ebpfj.o.btf"
	if cmp -s "$OUT/bpftool.o.btf" "$OUT/ebpfj.o.btf"; then
		log "the two objects' BTF is identical ($(wc -l <"$OUT/ebpfj.o.btf") lines: types, sizes, member offsets)"
	else
		log "the two objects' BTF differs:"; diff "$OUT/bpftool.o.btf" "$OUT/ebpfj.o.btf" | head -20 >&2; status=1
	fi
fi
exit "$status"
