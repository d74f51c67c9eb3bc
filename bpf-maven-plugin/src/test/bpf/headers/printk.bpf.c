// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: formatted output. Loadable (a tracepoint).
 * Uses: bpf_printk (0..3 values: __bpf_printk, bpf_trace_printk; more: __bpf_vprintk, bpf_trace_vprintk)
 * BPF_SNPRINTF BPF_PRINTK_FMT_MOD
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

char out[64];

SEC("tp/syscalls/sys_enter_getpid")
int print_things(void *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	BPF_PRINTK_FMT_MOD char label[] = "pid";

	bpf_printk("no values");
	bpf_printk("%s %u", label, pid);
	bpf_printk("%u %u %u", pid, pid + 1, pid + 2);
	bpf_printk("%u %u %u %u %u", pid, 1, 2, 3, 4);
	__bpf_printk("direct %u", pid);
	__bpf_vprintk("direct %u %u", pid, 8);
	BPF_SNPRINTF(out, sizeof(out), "%u-%u", pid, 7);
	return 0;
}
