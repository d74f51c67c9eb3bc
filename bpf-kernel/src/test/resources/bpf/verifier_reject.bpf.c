/* Dereferences a map lookup result without checking it for NULL: the verifier rejects the program (EACCES). */
#include "mini_bpf.h"

BTF_MAP(values, BPF_MAP_TYPE_HASH, __u32, __u64, 4);

SEC("xdp")
int unchecked_lookup(struct xdp_md *ctx)
{
    __u32 key = 1;
    __u64 *value = bpf_map_lookup_elem(&values, &key);

    *value += 1;
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
