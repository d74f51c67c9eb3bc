/* First of two translation units linked into one object (llvm-link), to exercise several DWARF CUs. */
#include "mini_bpf.h"

struct {
	__uint(type, MT_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} cu_a_map SEC(".maps");

int cu_a_value = 1;

SEC("xdp")
int cu_a_prog(void *ctx)
{
	__u32 k = 0;

	bpf_map_lookup_elem(&cu_a_map, &k);
	return cu_a_value;
}
