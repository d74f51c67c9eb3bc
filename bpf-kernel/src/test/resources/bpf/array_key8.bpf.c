/* An ARRAY whose key is 8 bytes: it compiles, and the kernel refuses it at BPF_MAP_CREATE with EINVAL. */
#include "mini_bpf.h"

BTF_MAP(wide_key_array, BPF_MAP_TYPE_ARRAY, __u64, __u32, 4);

SEC("xdp")
int use_array(struct xdp_md *ctx)
{
    __u64 key = 0;
    __u32 *value = bpf_map_lookup_elem(&wide_key_array, &key);

    return value ? XDP_PASS : 0;
}

char LICENSE[] SEC("license") = "GPL";
