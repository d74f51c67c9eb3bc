// SPDX-License-Identifier: GPL-2.0
/*
 * A starting point: one map, checked offline by bpf:check at build time, and a program the test runs in the
 * kernel with BPF_PROG_TEST_RUN (a "syscall" program runs without input). The program counts its runs in the map.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 16);
} counts SEC(".maps");

SEC("syscall")
int count_runs(void *ctx)
{
    __u32 key = 0;
    __u64 one = 1;
    __u64 *value = bpf_map_lookup_elem(&counts, &key);

    if (value)
        __sync_fetch_and_add(value, 1);
    else
        bpf_map_update_elem(&counts, &key, &one, BPF_NOEXIST);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
