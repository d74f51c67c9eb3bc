/*
 * Network and cgroup programs for the explicit attach API's tests: XDP and TC count the UDP datagrams to port
 * 9999 they see, a socket filter drops datagrams longer than a threshold, a cgroup sock_create program counts (and
 * may deny) socket creation, and two jump tables (a PROG_ARRAY and an ARRAY_OF_MAPS) are filled from Java.
 */
#include "mini_bpf.h"

#define BPF_MAP_TYPE_PROG_ARRAY 3
#define BPF_MAP_TYPE_ARRAY_OF_MAPS 12
#define BPF_MAP_TYPE_HASH_OF_MAPS 13
#define __array(name, val) typeof(val) *name[]

#define ETH_P_IP_BE 0x0008 /* htons(0x0800) */
#define IPPROTO_UDP 17
#define PORT_BE 0x0f27     /* htons(9999) */
#define TC_ACT_OK 0
#define XDP_ABORTED 0
#define XDP_TX 3

struct __sk_buff {
    __u32 len;
    __u32 pkt_type;
    __u32 mark;
    __u32 queue_mapping;
    __u32 protocol;
    __u32 vlan_present;
    __u32 vlan_tci;
    __u32 vlan_proto;
    __u32 priority;
    __u32 ingress_ifindex;
    __u32 ifindex;
    __u32 tc_index;
    __u32 cb[5];
    __u32 hash;
    __u32 tc_classid;
    __u32 data;
    __u32 data_end;
};

struct bpf_sock {
    __u32 bound_dev_if;
    __u32 family;
    __u32 type;
    __u32 protocol;
};

static long (*bpf_tail_call)(void *ctx, void *prog_array_map, __u32 index) = (void *) 12;

__u64 xdp_udp;
__u64 tc_udp;
__u64 filter_seen;
__u64 sockets_created;
/* Set by the test: socket filter threshold (bytes of skb), cgroup denial (1 = refuse inet sockets). */
__u32 max_len;
__u32 deny;

/* Whether [data, end) holds an Ethernet + IPv4 + UDP header to port 9999 (IPv4 without options). */
static int udp_9999(void *data, void *end)
{
    unsigned char *p = data;
    if (p + 14 + 20 + 8 > (unsigned char *) end)
        return 0;
    if (*(__u16 *) (p + 12) != ETH_P_IP_BE || p[14] != 0x45 || p[14 + 9] != IPPROTO_UDP)
        return 0;
    return *(__u16 *) (p + 14 + 20 + 2) == PORT_BE;
}

SEC("xdp")
int count_xdp(struct xdp_md *ctx)
{
    if (udp_9999((void *) (long) ctx->data, (void *) (long) ctx->data_end))
        __sync_fetch_and_add(&xdp_udp, 1);
    return XDP_PASS;
}

SEC("tc")
int count_tc(struct __sk_buff *skb)
{
    if (udp_9999((void *) (long) skb->data, (void *) (long) skb->data_end))
        __sync_fetch_and_add(&tc_udp, 1);
    return TC_ACT_OK;
}

SEC("socket")
int drop_long(struct __sk_buff *skb)
{
    __sync_fetch_and_add(&filter_seen, 1);
    return skb->len > max_len ? 0 : skb->len;
}

SEC("cgroup/sock_create")
int on_sock_create(struct bpf_sock *sk)
{
    if (sk->family != 2 && sk->family != 10)
        return 1;
    __sync_fetch_and_add(&sockets_created, 1);
    return deny ? 0 : 1;
}

/* Tail calls: the entry jumps to slot 0 of the table; without a program there it falls through to ABORTED. */
struct {
    __uint(type, BPF_MAP_TYPE_PROG_ARRAY);
    __uint(max_entries, 4);
    __type(key, __u32);
    __type(value, __u32);
} jump_table SEC(".maps");

SEC("xdp")
int tail_entry(struct xdp_md *ctx)
{
    bpf_tail_call(ctx, &jump_table, 0);
    return XDP_ABORTED;
}

SEC("xdp")
int tail_target(struct xdp_md *ctx)
{
    return XDP_TX;
}

/* Map-in-map: an inner template, two maps of its shape, and the outer tables holding them. */
struct inner {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
};
struct inner inner_a SEC(".maps");
struct inner inner_b SEC(".maps");

/* An outer table of two slots for maps of struct inner's shape: an ARRAY_OF_MAPS or a HASH_OF_MAPS. */
#define OUTER_MAP(name, outer_type) \
    struct { \
        __uint(type, outer_type); \
        __uint(max_entries, 2); \
        __type(key, __u32); \
        __array(values, struct inner); \
    } name SEC(".maps")

OUTER_MAP(outer_array, BPF_MAP_TYPE_ARRAY_OF_MAPS);
OUTER_MAP(outer_hash, BPF_MAP_TYPE_HASH_OF_MAPS);

/* Adds 1 to key 0 of the inner map found at slot 0 of outer_array (a syscall-free XDP test run reaches it). */
SEC("xdp")
int bump_inner(struct xdp_md *ctx)
{
    __u32 zero = 0;
    void *inner = bpf_map_lookup_elem(&outer_array, &zero);
    if (!inner)
        return XDP_ABORTED;
    __u64 *v = bpf_map_lookup_elem(inner, &zero);
    if (!v)
        return XDP_ABORTED;
    __sync_fetch_and_add(v, 1);
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
