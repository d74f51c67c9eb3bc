/* Second translation unit: its declarations sit at other lines than the first one's. */
#include "mini_bpf.h"


struct {
	__uint(type, MT_HASH);
	__uint(max_entries, 64);
	__type(key, __u64);
	__type(value, __u32);
} cu_b_map SEC(".maps");


__u64 cu_b_total;

SEC("socket")
int cu_b_prog(void *ctx)
{
	__u64 k = 0;

	bpf_map_lookup_elem(&cu_b_map, &k);
	cu_b_total++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
