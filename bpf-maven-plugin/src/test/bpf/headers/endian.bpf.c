// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: byte order. Constants fold at compile time (case labels, static initializers); values swap at
 * run time. Loadable (XDP; BPF_PROG_TEST_RUN can check the results).
 * Uses: bpf_htons bpf_ntohs bpf_htonl bpf_ntohl bpf_cpu_to_be64 bpf_be64_to_cpu __bpf_htons __bpf_ntohs
 * __bpf_htonl __bpf_ntohl __bpf_cpu_to_be64 __bpf_be64_to_cpu __bpf_constant_htons __bpf_constant_ntohs
 * __bpf_constant_htonl __bpf_constant_ntohl __bpf_constant_cpu_to_be64 __bpf_constant_be64_to_cpu
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

char LICENSE[] SEC("license") = "GPL";

/* Folded by the compiler: a static initializer must be a constant expression. */
static const __u16 ipv4 = bpf_htons(0x0800);
__u64 constants[6] = {
	bpf_htonl(0x01020304), bpf_ntohl(0x01020304), bpf_cpu_to_be64(0x0102030405060708ULL),
	bpf_be64_to_cpu(0x0102030405060708ULL), __bpf_constant_htons(0x0102), __bpf_constant_cpu_to_be64(1),
};
__u64 swapped[8];

SEC("xdp")
int classify(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u32 word;

	if ((void *)(eth + 1) > end)
		return XDP_PASS;
	word = *(__u32 *)eth;
	swapped[0] = bpf_ntohs(eth->h_proto);
	swapped[1] = bpf_ntohl(word) + bpf_htonl(word);
	swapped[2] = bpf_be64_to_cpu((__u64)word) + bpf_cpu_to_be64((__u64)word);
	swapped[3] = __bpf_ntohs(eth->h_proto) + __bpf_htons(eth->h_proto);
	swapped[4] = __bpf_ntohl(word) + __bpf_htonl(word);
	swapped[5] = __bpf_be64_to_cpu((__u64)word) + __bpf_cpu_to_be64((__u64)word);
	swapped[6] = __bpf_constant_ntohs(0x0201) + __bpf_constant_htonl(1) + __bpf_constant_ntohl(2)
		+ __bpf_constant_be64_to_cpu(3);
	switch (eth->h_proto) {
	case bpf_htons(0x86DD):
		swapped[7] = 6;
		break;
	case ipv4:
		swapped[7] = 4;
		break;
	default:
		swapped[7] = 0;
	}
	return XDP_PASS;
}
