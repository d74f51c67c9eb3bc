// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/*
 * A hash element is a 48-byte header, the key and the value, allocated with kmalloc: key + value must stay below
 * KMALLOC_MAX_SIZE (4 MiB) minus the header, i.e. at most 4194255 bytes (htab_map_alloc_check: E2BIG).
 */
struct just_fits {
	__u8 bytes[4194255 - 4];
};

struct one_byte_too_many {
	__u8 bytes[4194256 - 4];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, struct just_fits);
	__uint(max_entries, 2);
} largest_allowed SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, struct one_byte_too_many);
	__uint(max_entries, 2);
} too_big SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int look(void *ctx)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(&largest_allowed, &key) != 0 || bpf_map_lookup_elem(&too_big, &key) != 0;
}

char LICENSE[] SEC("license") = "GPL";
