// SPDX-License-Identifier: GPL-2.0
/*
 * vmlinux.h defines __VMLINUX_H__, so bpf_tracing.h reads registers by the kernel's pt_regs names (di, si, ...
 * on x86) rather than the user-space ones (rdi, rsi, ...), which this struct pt_regs does not have: this only
 * compiles if the generated header and the plugin's bpf_tracing.h agree.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(on_unlinkat, int dfd, struct filename *name)
{
	const char *path = BPF_CORE_READ(name, name);

	bpf_printk("unlinkat %d %s", dfd, path);
	return 0;
}

SEC("kprobe/do_exit")
int on_exit(struct pt_regs *ctx)
{
	long code = PT_REGS_PARM1(ctx);

	return code + PT_REGS_PARM2_CORE(ctx) == 0;
}

char LICENSE[] SEC("license") = "GPL";
