#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "shared.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, SHARED_MAX_ENTRIES);
} map_b SEC(".maps");

char LICENSE[] SEC("license") = "GPL";
