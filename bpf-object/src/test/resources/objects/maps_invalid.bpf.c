/* Definitions libbpf accepts but the kernel refuses at BPF_MAP_CREATE: the reader must report them as declared. */
#include "mini_bpf.h"

struct big_value {
	__u8 bytes[4 * 1024 * 1024];
};

/* ARRAY keys must be 4 bytes (array_map_alloc_check: EINVAL). */
struct {
	__uint(type, MT_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u64);
	__type(value, __u32);
} wide_key_array SEC(".maps");

/* key + value above KMALLOC_MAX_SIZE (htab_map_alloc_check: E2BIG). */
struct {
	__uint(type, MT_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct big_value);
} huge_hash SEC(".maps");

/* No max_entries: left for user space, and the kernel refuses 0 (EINVAL). */
struct {
	__uint(type, MT_HASH);
	__type(key, __u32);
	__type(value, __u64);
} unsized_hash SEC(".maps");

/* NUMA node 1 on a machine with one node (map_create: numa_node >= nr_node_ids, EINVAL). */
struct {
	__uint(type, MT_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
	__uint(map_flags, MF_NUMA_NODE);
	__uint(numa_node, 1);
} numa_elsewhere SEC(".maps");

SEC("xdp")
int use_maps(void *ctx)
{
	__u32 k = 0;

	bpf_map_lookup_elem(&wide_key_array, &k);
	bpf_map_lookup_elem(&huge_hash, &k);
	bpf_map_lookup_elem(&unsized_hash, &k);
	bpf_map_lookup_elem(&numa_elsewhere, &k);
	return 2;
}

char LICENSE[] SEC("license") = "GPL";
