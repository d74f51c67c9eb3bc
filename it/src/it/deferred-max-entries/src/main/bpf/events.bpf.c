// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* max_entries is left to user space (bpf_map__set_max_entries before load): libbpf would send 0 otherwise. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int count(void *ctx)
{
	__u32 key = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1;

	bpf_map_update_elem(&events, &key, &one, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
