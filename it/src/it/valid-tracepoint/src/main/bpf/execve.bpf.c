// SPDX-License-Identifier: GPL-2.0
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

/* The product's example: the same u32 -> u32 map as HASH and as LRU_HASH, 1003 entries each. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, u32);
	__type(value, u32);
	__uint(max_entries, 1003);
} hash_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__type(key, u32);
	__type(value, u32);
	__uint(max_entries, 1003);
} lru_map SEC(".maps");

/* Counts execve calls per parent process (CO-RE: the offsets come from the running kernel at load time). */
SEC("tracepoint/syscalls/sys_enter_execve")
int count_execve(struct trace_event_raw_sys_enter *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	u32 ppid = BPF_CORE_READ(task, real_parent, tgid);
	u32 one = 1, *count;

	if (ctx->id < 0)
		return 0;
	count = bpf_map_lookup_elem(&hash_map, &ppid);
	if (count)
		__sync_fetch_and_add(count, 1);
	else
		bpf_map_update_elem(&hash_map, &ppid, &one, BPF_NOEXIST);
	bpf_map_update_elem(&lru_map, &ppid, &one, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
