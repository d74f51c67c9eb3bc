/* Map definitions libbpf and the kernel both accept, one of each shape the reader must understand. */
#include "mini_bpf.h"

struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
};

struct flow_stats {
	__u64 packets;
	__u64 bytes;
};

struct lpm_v4_key {
	__u32 prefixlen;
	__u8 addr[4];
};

struct {
	__uint(type, MT_HASH);
	__uint(max_entries, 1024);
	__type(key, struct flow_key);
	__type(value, struct flow_stats);
} flows SEC(".maps");

struct {
	__uint(type, MT_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} lru_seen SEC(".maps");

struct {
	__uint(type, MT_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct flow_stats);
} counters SEC(".maps");

struct {
	__uint(type, MT_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__uint(key_size, 4);
	__uint(value_size, 64);
} scratch SEC(".maps");

struct {
	__uint(type, MT_PERCPU_HASH);
	__uint(max_entries, 128);
	__type(key, __u64);
	__type(value, __u32);
	__uint(map_flags, MF_NO_PREALLOC);
} percpu_hash SEC(".maps");

struct {
	__uint(type, MT_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

struct {
	__uint(type, MT_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} perf_out SEC(".maps");

struct {
	__uint(type, MT_QUEUE);
	__uint(max_entries, 64);
	__type(value, struct flow_key);
} work_queue SEC(".maps");

struct {
	__uint(type, MT_LPM_TRIE);
	__uint(max_entries, 255);
	__type(key, struct lpm_v4_key);
	__type(value, __u32);
	__uint(map_flags, MF_NO_PREALLOC);
} routes SEC(".maps");

struct inner_array {
	__uint(type, MT_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
};

struct inner_array first_inner SEC(".maps");

struct {
	__uint(type, MT_HASH_OF_MAPS);
	__uint(max_entries, 32);
	__type(key, __u32);
	__array(values, struct inner_array);
} outer_hash SEC(".maps");

struct {
	__uint(type, MT_ARRAY_OF_MAPS);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, struct inner_array);
} outer_array SEC(".maps") = {
	.values = { [1] = &first_inner },
};

int tail_one(void *ctx);

struct {
	__uint(type, MT_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__array(values, int(void *));
} jump_table SEC(".maps") = {
	.values = { [3] = (void *)&tail_one },
};

struct {
	__uint(type, MT_HASH);
	__uint(max_entries, 100);
	__type(key, __u32);
	__type(value, __u32);
	__uint(pinning, PIN_BY_NAME);
	__uint(map_flags, MF_NUMA_NODE);
	__uint(numa_node, 0);
} pinned_numa SEC(".maps");

struct {
	__uint(type, MT_BLOOM_FILTER);
	__uint(max_entries, 1000);
	__type(value, __u64);
	__uint(map_extra, 3);
} bloom SEC(".maps");

SEC("xdp")
int tail_one(void *ctx)
{
	return 2;
}

SEC("tracepoint/syscalls/sys_enter_execve")
int on_execve(void *ctx)
{
	__u32 key = 0;
	struct flow_stats *st = bpf_map_lookup_elem(&counters, &key);

	if (st)
		st->packets++;
	bpf_tail_call(ctx, &jump_table, 3);
	return 0;
}

SEC("xdp")
int xdp_count(void *ctx)
{
	struct flow_key k = {};
	struct flow_stats *st = bpf_map_lookup_elem(&flows, &k);

	if (st) {
		st->packets++;
		st->bytes += 64;
	}
	bpf_map_push_elem(&work_queue, &k, 0);
	return 2;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
