/* The smallest useful object: one map and one program, for the load/close leak test. */
#include "mini_bpf.h"

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, __u32);
    __uint(max_entries, 16);
} counts SEC(".maps");

SEC("xdp")
int count_packets(struct xdp_md *ctx)
{
    __u32 key = 0;
    __u32 *value = bpf_map_lookup_elem(&counts, &key);

    if (value)
        *value += 1;
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
