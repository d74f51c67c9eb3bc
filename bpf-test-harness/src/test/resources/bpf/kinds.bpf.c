/*
 * One map of each other kind the harness injects: a per-CPU array of counters, a queue, and a hash with struct
 * values. One XDP program touches all of them, so a test run shows what a program wrote. A small tracepoint
 * program (no CO-RE, so loading stays cheap) gives tests something to attach.
 */
#include "mini_bpf.h"

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 4);
} packets_per_cpu SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_QUEUE);
    __type(value, __u32);
    __uint(max_entries, 16);
} packet_sizes SEC(".maps");

struct flow_stats {
    __u64 packets;
    __u64 bytes;
    __u32 last_cpu;
    __u8 protocol;
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, struct flow_stats);
    __uint(max_entries, 64);
} flows SEC(".maps");

/* .data: user space may change it between runs. */
__u32 flow_id = 1;

SEC("xdp")
int count_packet(struct xdp_md *ctx)
{
    __u32 zero = 0;
    __u32 size = ctx->data_end - ctx->data;
    __u32 id = flow_id;
    __u64 *count = bpf_map_lookup_elem(&packets_per_cpu, &zero);
    struct flow_stats *stats;
    struct flow_stats fresh = {};

    if (count)
        *count += 1;
    bpf_map_push_elem(&packet_sizes, &size, BPF_ANY);
    stats = bpf_map_lookup_elem(&flows, &id);
    if (!stats) {
        fresh.protocol = 17;
        bpf_map_update_elem(&flows, &id, &fresh, BPF_NOEXIST);
        stats = bpf_map_lookup_elem(&flows, &id);
        if (!stats)
            return XDP_PASS;
    }
    stats->packets += 1;
    stats->bytes += size;
    stats->last_cpu = bpf_get_smp_processor_id();
    return XDP_PASS;
}

/* .bss: how often a process called getppid() while count_getppid was attached. */
__u64 getppid_calls;

SEC("tracepoint/syscalls/sys_enter_getppid")
int count_getppid(void *ctx)
{
    __sync_fetch_and_add(&getppid_calls, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
