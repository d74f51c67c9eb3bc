// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: open-coded iterator loops (kfuncs, kernel 6.4+). Loadable (a tracepoint).
 * Uses: bpf_for bpf_repeat bpf_for_each bpf_iter_num_new/next/destroy
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

__u64 total;

SEC("tp/syscalls/sys_enter_getpid")
int loops(void *ctx)
{
	int i, *v;
	__u64 sum = 0;

	bpf_for(i, 0, 16)
		sum += i;
	bpf_repeat(4)
		sum++;
	bpf_for_each(num, v, 2, 5)
		sum += *v;
	total = sum;
	return 0;
}
