/* The pre-BTF way: struct bpf_map_def in a section called "maps". libbpf 1.0+ refuses the whole object. */
#include "mini_bpf.h"

struct legacy_map_def {
	unsigned int type;
	unsigned int key_size;
	unsigned int value_size;
	unsigned int max_entries;
	unsigned int map_flags;
};

struct legacy_map_def legacy_hash SEC("maps") = {
	.type = MT_HASH,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u64),
	.max_entries = 512,
};

struct legacy_map_def legacy_array SEC("maps") = {
	.type = MT_ARRAY,
	.key_size = sizeof(__u32),
	.value_size = 16,
	.max_entries = 4,
	.map_flags = MF_RDONLY_PROG,
};

SEC("socket")
int legacy_filter(void *skb)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&legacy_hash, &key);

	if (v)
		(*v)++;
	bpf_map_lookup_elem(&legacy_array, &key);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
