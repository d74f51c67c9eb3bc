// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "maps.h"

/* The article's experiment: a HASH and an LRU_HASH with the same size. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, 1003);
} hash_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__type(key, __u32);
	__type(value, struct counter);
	__uint(max_entries, 1003);
} lru_map SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int count_execve(void *ctx)
{
	__u32 key = 500;
	__u32 value = 1000;
	struct counter zero = {};

	bpf_map_update_elem(&hash_map, &key, &value, BPF_ANY);
	if (!bpf_map_lookup_elem(&lru_map, &key))
		bpf_map_update_elem(&lru_map, &key, &zero, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
