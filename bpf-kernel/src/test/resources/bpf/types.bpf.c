/*
 * One map of each kind the map tests exercise, plus a program that touches them from the BPF side so tests can
 * compare what user space sees with what a program wrote.
 */
#include "mini_bpf.h"

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_HASH);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 64);
} percpu_counts SEC(".maps");

/* A 12-byte value: user space sees one 16-byte slot per possible CPU. */
struct triple {
    __u32 a;
    __u32 b;
    __u32 c;
};

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __type(key, __u32);
    __type(value, struct triple);
    __uint(max_entries, 4);
} percpu_triples SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 16);
} array_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_QUEUE);
    __type(value, __u32);
    __uint(max_entries, 8);
} queue_map SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_STACK);
    __type(value, __u32);
    __uint(max_entries, 8);
} stack_map SEC(".maps");

/* Layout with holes: 3 bytes after `flag`, 2 bytes after `delta` and 4 bytes of tail padding. */
struct event {
    __u32 pid;
    __u8 flag;
    __u32 uid;
    __s16 delta;
    __u64 timestamp;
    char comm[16];
    __u32 tail;
};

struct flow_key {
    __u32 saddr;
    __u32 daddr;
    __u16 sport;
    __u16 dport;
    __u8 protocol;
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, struct flow_key);
    __type(value, struct event);
    __uint(max_entries, 128);
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __type(key, __u32);
    __type(value, __u32);
    __uint(max_entries, 4096);
} plain_hash SEC(".maps");

/* A struct inside a struct, and an integer array: record codecs map these to a nested record and a long[]. */
struct flow_stats {
    struct flow_key key;
    __u64 packets;
    __u64 bytes[2];
};

struct flow_stats last_flow;

/* A .rodata constant user space may set before load; the verifier then sees it as a known value. */
const volatile __u64 packet_weight = 64;

/* Adds 1 to percpu_counts[7] on the CPU it runs on, pushes 42 onto queue_map, writes an event, counts last_flow. */
SEC("xdp")
int touch_maps(struct xdp_md *ctx)
{
    __u32 key = 7;
    __u64 one = 1;
    __u64 *count = bpf_map_lookup_elem(&percpu_counts, &key);
    __u32 pushed = 42;
    struct flow_key fk = {};
    struct event ev = {};

    if (count)
        *count += 1;
    else
        bpf_map_update_elem(&percpu_counts, &key, &one, BPF_NOEXIST);
    bpf_map_push_elem(&queue_map, &pushed, BPF_ANY);

    fk.saddr = 0x0100007f;
    fk.daddr = 0x0200007f;
    fk.sport = 1234;
    fk.dport = 80;
    fk.protocol = 6;
    ev.pid = bpf_get_current_pid_tgid() >> 32;
    ev.flag = 1;
    ev.uid = 1000;
    ev.delta = -5;
    ev.timestamp = 123456789;
    ev.comm[0] = 'x';
    ev.comm[1] = 'd';
    ev.comm[2] = 'p';
    ev.tail = 0xfeed;
    bpf_map_update_elem(&events, &fk, &ev, BPF_ANY);
    last_flow.key = fk;
    last_flow.packets += 1;
    last_flow.bytes[1] += packet_weight;
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
