/* A map libbpf pins by name under the object's pin root, so it outlives the object and is reused by the next load. */
#include "mini_bpf.h"

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 8);
    __uint(pinning, LIBBPF_PIN_BY_NAME);
} pinned_counts SEC(".maps");

SEC("xdp")
int count_pinned(struct xdp_md *ctx)
{
    __u32 key = 0;
    __u64 one = 1;
    __u64 *value = bpf_map_lookup_elem(&pinned_counts, &key);

    if (value)
        __sync_fetch_and_add(value, 1);
    else
        bpf_map_update_elem(&pinned_counts, &key, &one, BPF_NOEXIST);
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
