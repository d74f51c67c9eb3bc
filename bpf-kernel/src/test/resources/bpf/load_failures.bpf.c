/*
 * Several maps and programs, so that a failed load must name the right one: the first program loads, the second
 * dereferences a hash lookup without a NULL check (the verifier rejects it, EACCES), and the third sits in a
 * section libbpf knows no program type for (it is not loaded unless a spec turns autoload on).
 */
#include "mini_bpf.h"

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 8);
} first_counts SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 4);
} second_slots SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 16);
} third_table SEC(".maps");

char LICENSE[] SEC("license") = "GPL";

SEC("xdp")
int counts_first(struct xdp_md *ctx)
{
    __u32 key = 0;
    __u64 *count = bpf_map_lookup_elem(&first_counts, &key);
    __u64 *slot = bpf_map_lookup_elem(&second_slots, &key);

    if (count)
        *count += 1;
    if (slot)
        *slot += 1;
    return XDP_PASS;
}

SEC("xdp")
int reads_unchecked(struct xdp_md *ctx)
{
    __u32 key = 1;
    __u64 *value = bpf_map_lookup_elem(&third_table, &key);

    *value += 1;
    return XDP_PASS;
}

SEC("?no_such_program_type")
int odd_section(void *ctx)
{
    return 0;
}
