// SPDX-License-Identifier: GPL-2.0
/*
 * Reports each program start (sys_enter_execve) of a child of one process, twice: through a ring buffer and
 * through a perf buffer, so the tests can show both readers receive the same event. Each event carries the pid,
 * the name of the process before the exec (comm) and the path it executes.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct exec_event {
	__u32 pid;
	__u32 ppid;
	char comm[16];
	char filename[64];
};

/* clang keeps in BTF only the types globals and signatures use; this keeps struct exec_event for the reader. */
const struct exec_event *unused_exec_event __attribute__((unused));

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} exec_ring SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} exec_perf SEC(".maps");

/* Set before load (.rodata): only children of this process are reported. */
const volatile __u32 target_ppid = 0;

/* Events the ring buffer or the perf buffer had no room for. */
__u32 ring_dropped;
__u32 perf_dropped;

SEC("tracepoint/syscalls/sys_enter_execve")
int report_exec(struct trace_event_raw_sys_enter *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u32 ppid = BPF_CORE_READ(task, real_parent, tgid);
	struct exec_event *e;

	if (ppid != target_ppid)
		return 0;

	e = bpf_ringbuf_reserve(&exec_ring, sizeof(*e), 0);
	if (!e) {
		__sync_fetch_and_add(&ring_dropped, 1);
		return 0;
	}
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->ppid = ppid;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_probe_read_user_str(e->filename, sizeof(e->filename), (const char *)ctx->args[0]);

	/* The same event through the perf buffer (from the ring buffer's memory, before it is handed over). */
	if (bpf_perf_event_output(ctx, &exec_perf, BPF_F_CURRENT_CPU, e, sizeof(*e)) < 0)
		__sync_fetch_and_add(&perf_dropped, 1);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
