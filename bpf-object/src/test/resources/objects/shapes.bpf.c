/* One map per layout shape the Java generator handles (nested, array, bitfield, union, enum, padding, per-CPU),
 * and a test-run program that proves a generated record reads what the program wrote and that the program reads
 * what Java wrote: for every shape map, slot 0 gets known values, and slot 1 is copied into slot 2. */
#include "mini_bpf.h"

typedef signed char __s8;
typedef short __s16;
typedef unsigned __int128 __u128;

#define XDP_PASS 2

/* A 64-bit key so maps keyed by it exercise a struct key. */
struct point {
	__s32 x;
	__s32 y;
};

/* nested: a struct inside a struct, and an unsigned 64-bit value above 2^63. */
struct segment {
	struct point from;
	struct point to;
	__u64 length;
};

/* array: fixed arrays of integers and of structs, a char array read as a string, a 2-D array. */
struct path {
	char name[12];
	__u16 hops[3];
	struct point points[2];
	__u8 grid[2][3];
};

#include "flags.h"

/* union: a named union member, and an anonymous union whose members the struct reaches directly. */
union address {
	__u32 ipv4;
	__u8 ipv6[16];
};

struct endpoint {
	union address addr;
	__u16 port;
	union {
		__u32 tcp_seq;
		__u16 udp_len;
	};
};

/* enum: a 32-bit enum member and a 64-bit one. */
enum state {
	STATE_IDLE = 0,
	STATE_RUNNING = 1,
	STATE_DONE = 7,
};

enum big {
	BIG_SMALL = 1,
	BIG_HUGE = 0x100000000ULL,
};

struct job {
	enum state state;
	enum big big;
	_Bool urgent;
};

/* padding: 3 bytes after flag, 6 after count, and 4 bytes of tail padding: the tutorial's alignment trap. */
struct padded {
	__u8 flag;
	__u32 pid;
	__u16 count;
	__u64 stamp;
	__u32 tail;
};

/* per-CPU: a 12-byte value, stored in a 16-byte slot per CPU. */
struct tally {
	__u32 hits;
	__u32 misses;
	__u32 cpu;
};

/* Members other generators give up on: a pointer, a 128-bit integer and a float. */
struct odd {
	void *where;
	__u128 wide;
	double ratio;
};

#define SHAPE_MAP(name, value_type)                                                                              \
	struct {                                                                                                 \
		__uint(type, MT_ARRAY);                                                                          \
		__type(key, __u32);                                                                              \
		__type(value, value_type);                                                                       \
		__uint(max_entries, 3);                                                                          \
	} name SEC(".maps")

SHAPE_MAP(segments, struct segment);
SHAPE_MAP(paths, struct path);
SHAPE_MAP(flag_sets, struct flags);
SHAPE_MAP(endpoints, struct endpoint);
SHAPE_MAP(jobs, struct job);
SHAPE_MAP(padding, struct padded);
SHAPE_MAP(odds, struct odd);

struct {
	__uint(type, MT_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct tally);
	__uint(max_entries, 3);
} tallies SEC(".maps");

struct {
	__uint(type, MT_HASH);
	__type(key, struct point);
	__type(value, __u64);
	__uint(max_entries, 16);
} by_point SEC(".maps");

/* An event sent through a ring buffer; the global pointer below names its type for generators (as bpf2go asks). */
struct event {
	__u32 pid;
	char comm[16];
	enum state state;
};

struct {
	__uint(type, MT_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

const struct event *unused_event __attribute__((unused));

/* Globals: a .rodata constant set before load, a .data struct and a .bss counter. */
const volatile __u32 scale = 1;
struct point origin = { .x = 3, .y = 4 };
__u64 runs;

#define COPY_SLOT(map, type)                                                                                     \
	do {                                                                                                     \
		__u32 in = 1, out = 2;                                                                           \
		type *v = bpf_map_lookup_elem(&map, &in);                                                        \
		if (v)                                                                                           \
			bpf_map_update_elem(&map, &out, v, 0);                                                   \
	} while (0)

SEC("xdp")
int fill_shapes(void *ctx)
{
	__u32 zero = 0;

	struct segment s = {};
	s.from.x = -1;
	s.from.y = 2;
	s.to.x = 30 * scale;
	s.to.y = -40;
	s.length = 0xfedcba9876543210ULL;
	bpf_map_update_elem(&segments, &zero, &s, 0);
	COPY_SLOT(segments, struct segment);

	struct path p = {};
	p.name[0] = 'e';
	p.name[1] = 't';
	p.name[2] = 'h';
	p.name[3] = '0';
	p.hops[0] = 1;
	p.hops[1] = 65535;
	p.hops[2] = 3;
	p.points[0].x = 5;
	p.points[1].y = -6;
	p.grid[0][1] = 7;
	p.grid[1][2] = 200;
	bpf_map_update_elem(&paths, &zero, &p, 0);
	COPY_SLOT(paths, struct path);

	struct flags f = {};
	f.ready = 1;
	f.mode = 5;
	f.delta = -3;
	f.wide = 4000;
	f.rest = 0xabcdef01;
	bpf_map_update_elem(&flag_sets, &zero, &f, 0);
	COPY_SLOT(flag_sets, struct flags);

	struct endpoint e = {};
	e.addr.ipv4 = 0x0100007f;
	e.port = 8080;
	e.tcp_seq = 0x11223344;
	bpf_map_update_elem(&endpoints, &zero, &e, 0);
	COPY_SLOT(endpoints, struct endpoint);

	struct job j = {};
	j.state = STATE_DONE;
	j.big = BIG_HUGE;
	j.urgent = 1;
	bpf_map_update_elem(&jobs, &zero, &j, 0);
	COPY_SLOT(jobs, struct job);

	struct padded d = {};
	d.flag = 0x7f;
	d.pid = 4242;
	d.count = 65000;
	d.stamp = 1234567890123ULL;
	d.tail = 9;
	bpf_map_update_elem(&padding, &zero, &d, 0);
	COPY_SLOT(padding, struct padded);

	struct odd o = {};
	o.where = (void *)0x1000;
	o.wide = ((__u128)0x0102030405060708ULL << 64) | 0x090a0b0c0d0e0f10ULL;
	bpf_map_update_elem(&odds, &zero, &o, 0);
	COPY_SLOT(odds, struct odd);

	struct tally *t = bpf_map_lookup_elem(&tallies, &zero);
	if (t) {
		t->hits += 1;
		t->misses = 2;
		t->cpu = 77;
	}
	COPY_SLOT(tallies, struct tally);

	struct point key = { .x = 1, .y = 2 };
	__u64 hits = 99;
	bpf_map_update_elem(&by_point, &key, &hits, 0);

	runs++;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
