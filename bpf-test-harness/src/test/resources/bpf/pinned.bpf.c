/* A map libbpf pins by name under the object's pin root: the harness gives each test its own root. */
#include "mini_bpf.h"

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 8);
    __uint(pinning, LIBBPF_PIN_BY_NAME);
} shared_counts SEC(".maps");

SEC("xdp")
int count_into_pinned(struct xdp_md *ctx)
{
    __u32 key = 1;
    __u64 one = 1;
    __u64 *v = bpf_map_lookup_elem(&shared_counts, &key);

    if (v)
        *v += 1;
    else
        bpf_map_update_elem(&shared_counts, &key, &one, BPF_NOEXIST);
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
