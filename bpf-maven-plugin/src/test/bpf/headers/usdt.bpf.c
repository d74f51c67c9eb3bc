// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: the BPF side of USDT, with the spec maps libbpf's user side fills in. Loadable (usdt programs
 * are kprobe-type programs; attaching needs a binary with USDT notes).
 * Uses: BPF_USDT bpf_usdt_arg_cnt bpf_usdt_arg bpf_usdt_arg_size bpf_usdt_cookie BPF_USDT_MAX_SPEC_CNT
 * BPF_USDT_MAX_IP_CNT BPF_USDT_MAX_ARG_CNT
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/usdt.bpf.h>

char LICENSE[] SEC("license") = "GPL";

long results[8];

SEC("usdt")
int BPF_USDT(on_probe, int first, long second)
{
	long value = 0;

	results[0] = first + second;
	results[1] = bpf_usdt_arg_cnt(ctx);
	results[2] = bpf_usdt_arg(ctx, 2, &value) + value;
	results[3] = bpf_usdt_arg_size(ctx, 0);
	results[4] = bpf_usdt_cookie(ctx);
	results[5] = BPF_USDT_MAX_SPEC_CNT + BPF_USDT_MAX_IP_CNT + BPF_USDT_MAX_ARG_CNT;
	return 0;
}
