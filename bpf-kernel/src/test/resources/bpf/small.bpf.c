/* The smallest useful object: one map and one program, for the load/close leak test. */
#include "mini_bpf.h"

BTF_MAP(counts, BPF_MAP_TYPE_HASH, __u32, __u32, 16);

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
