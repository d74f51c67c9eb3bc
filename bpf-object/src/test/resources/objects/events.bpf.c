// SPDX-License-Identifier: GPL-2.0
/*
 * Events sent the three ways a program sends them, each through a local variable only, so that clang keeps the
 * event types out of BTF and only DWARF has them: the code generator finds them from the calls' sizes
 * (CodeGeneratorEventsTest, GeneratedEventsTest).
 */
#include "mini_bpf.h"

#define MT_USER_RINGBUF 31

static long (*bpf_perf_event_output)(void *ctx, void *map, __u64 flags, void *data, __u64 size) = (void *)25;
static void *(*bpf_ringbuf_reserve)(void *ringbuf, __u64 size, __u64 flags) = (void *)131;
static void (*bpf_ringbuf_submit)(void *data, __u64 flags) = (void *)132;

enum step {
	STEP_START = 1,
	STEP_STOP = 2,
};

/* Reserved in the ring buffer and filled through a pointer (bpf_ringbuf_reserve). */
struct ring_event {
	__u32 seq;
	enum step step;
	__u8 urgent : 1;
	__u8 level : 3;
	char tag[6];
	__u64 stamp;
};

/* Copied from the stack into the perf buffer (bpf_perf_event_output). */
struct perf_sample {
	__u16 cpu_hint;
	__s32 delta;
	__u64 bytes;
};

/* Copied from the stack of an inlined helper into a second ring buffer (bpf_ringbuf_output). */
struct note {
	__u32 code;
	char text[16];
};

/* A ring buffer of 4096 bytes: MT_RINGBUF (the program writes) or MT_USER_RINGBUF (user space writes). */
#define RING_MAP(name, ring_type) \
	struct { \
		__uint(type, ring_type); \
		__uint(max_entries, 4096); \
	} name SEC(".maps")

RING_MAP(ring, MT_RINGBUF);

struct {
	__uint(type, MT_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} samples SEC(".maps");

RING_MAP(notes, MT_RINGBUF);

/* Nothing in the object says what user space writes here: the skeleton takes a codec. */
RING_MAP(commands, MT_USER_RINGBUF);

static __attribute__((always_inline)) void send_note(__u32 code)
{
	struct note n = {};

	n.code = code;
	n.text[0] = 'h';
	n.text[1] = 'i';
	bpf_ringbuf_output(&notes, &n, sizeof(n), 0);
}

SEC("xdp")
int send_events(void *ctx)
{
	struct ring_event *e = bpf_ringbuf_reserve(&ring, sizeof(*e), 0);
	struct perf_sample s = {};

	if (e) {
		e->seq = 7;
		e->step = STEP_STOP;
		e->urgent = 1;
		e->level = 5;
		e->tag[0] = 'x';
		e->tag[1] = 'd';
		e->tag[2] = 'p';
		e->tag[3] = 0;
		e->stamp = 0x1122334455667788ULL;
		bpf_ringbuf_submit(e, 0);
	}
	s.cpu_hint = 3;
	s.delta = -9;
	s.bytes = 1ULL << 40;
	bpf_perf_event_output(ctx, &samples, 0xffffffffULL, &s, sizeof(s));
	send_note(42);
	return 2; /* XDP_PASS */
}

char LICENSE[] SEC("license") = "GPL";
