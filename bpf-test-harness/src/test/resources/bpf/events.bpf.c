/*
 * Producers for the event reader tests: XDP programs (runnable with BPF_PROG_TEST_RUN and a repeat count) that
 * write numbered events to a ring buffer and a perf buffer, and one that drains a user ring buffer.
 * Each event's value is derived from its sequence number, so a reader can check that no record was torn.
 */
#include "mini_bpf.h"

#define BPF_MAP_TYPE_PERF_EVENT_ARRAY 4
#define BPF_MAP_TYPE_RINGBUF 27
#define BPF_MAP_TYPE_USER_RINGBUF 31
#define BPF_F_CURRENT_CPU 0xffffffffULL

struct bpf_dynptr {
    __u64 opaque[2];
} __attribute__((aligned(8)));

static void *(*bpf_ringbuf_reserve)(void *ringbuf, __u64 size, __u64 flags) = (void *) 131;
static void (*bpf_ringbuf_submit)(void *data, __u64 flags) = (void *) 132;
static void (*bpf_ringbuf_discard)(void *data, __u64 flags) = (void *) 133;
static long (*bpf_perf_event_output)(void *ctx, void *map, __u64 flags, void *data, __u64 size) = (void *) 25;
static long (*bpf_user_ringbuf_drain)(void *map, void *callback_fn, void *ctx, __u64 flags) = (void *) 209;
static long (*bpf_dynptr_read)(void *dst, __u32 len, const struct bpf_dynptr *src, __u32 offset, __u64 flags)
    = (void *) 201;

struct event {
    __u32 pid;
    __u32 seq;
    __u64 value;
    char comm[16];
};

/* clang puts only types that globals and function signatures use into BTF: this keeps struct event there. */
const struct event *unused_event __attribute__((unused));

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 16384);
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
    __uint(key_size, 4);
    __uint(value_size, 4);
} perf_events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_USER_RINGBUF);
    __uint(max_entries, 16384);
} requests SEC(".maps");

__u32 seq_next;
__u32 ring_dropped;
__u32 perf_dropped;
/* When set, every odd event is discarded after it was reserved. */
__u32 discard_odd;
__u64 drained_sum;
__u32 drained_count;
long drain_result;

static void fill(struct event *e, __u32 seq)
{
    e->pid = 4242;
    e->seq = seq;
    e->value = (__u64) seq * 2654435761ULL + 7;
    for (int i = 0; i < 16; i++) {
        e->comm[i] = i < 15 ? 'a' + (seq + i) % 26 : 0;
    }
}

SEC("xdp")
int ring_emit(struct xdp_md *ctx)
{
    __u32 seq = __sync_fetch_and_add(&seq_next, 1);
    struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
    if (!e) {
        __sync_fetch_and_add(&ring_dropped, 1);
        return XDP_PASS;
    }
    fill(e, seq);
    if (discard_odd && (seq & 1)) {
        bpf_ringbuf_discard(e, 0);
    } else {
        bpf_ringbuf_submit(e, 0);
    }
    return XDP_PASS;
}

SEC("xdp")
int perf_emit(struct xdp_md *ctx)
{
    struct event e;
    fill(&e, __sync_fetch_and_add(&seq_next, 1));
    if (bpf_perf_event_output(ctx, &perf_events, BPF_F_CURRENT_CPU, &e, sizeof(e)) < 0) {
        __sync_fetch_and_add(&perf_dropped, 1);
    }
    return XDP_PASS;
}

static long take_request(struct bpf_dynptr *dynptr, void *ctx)
{
    struct event e;
    if (bpf_dynptr_read(&e, sizeof(e), dynptr, 0, 0)) {
        return 1;
    }
    drained_sum += e.value;
    drained_count++;
    return 0;
}

SEC("xdp")
int user_drain(struct xdp_md *ctx)
{
    drain_result = bpf_user_ringbuf_drain(&requests, take_request, 0, 0);
    return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
