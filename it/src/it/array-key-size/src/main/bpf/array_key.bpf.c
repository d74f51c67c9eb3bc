// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* An ARRAY is indexed by a 32-bit key; an 8-byte key is refused (array_map_alloc_check: EINVAL). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u64);
	__type(value, __u64);
	__uint(max_entries, 16);
} wide_keys SEC(".maps");

SEC("xdp")
int count_packets(struct xdp_md *ctx)
{
	__u64 key = 0;
	__u64 *packets = bpf_map_lookup_elem(&wide_keys, &key);

	if (packets)
		__sync_fetch_and_add(packets, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
