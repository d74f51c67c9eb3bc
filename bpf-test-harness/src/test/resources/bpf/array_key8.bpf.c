/* The article's mistake: an ARRAY indexed by an 8-byte key. It compiles; BPF_MAP_CREATE refuses it (EINVAL). */
#include "mini_bpf.h"

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __type(key, __u64);
    __type(value, __u32);
    __uint(max_entries, 4);
} my_array_map SEC(".maps");

SEC("xdp")
int read_array(struct xdp_md *ctx)
{
    __u64 key = 0;

    return bpf_map_lookup_elem(&my_array_map, &key) ? XDP_PASS : 0;
}

char LICENSE[] SEC("license") = "GPL";
