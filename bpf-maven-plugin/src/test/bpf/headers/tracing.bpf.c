// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: kprobes, uprobes and syscall probes with typed arguments, and every register accessor.
 * Loadable (kprobe-type programs load without being attached).
 * Uses: BPF_KPROBE BPF_KRETPROBE BPF_UPROBE BPF_URETPROBE BPF_KSYSCALL BPF_KPROBE_SYSCALL PT_REGS_PARM1..6
 * PT_REGS_RET PT_REGS_FP PT_REGS_RC PT_REGS_SP PT_REGS_IP and their _CORE forms, PT_REGS_PARM1..6_SYSCALL and
 * _CORE_SYSCALL, PT_REGS_SYSCALL_REGS BPF_KPROBE_READ_RET_IP BPF_KRETPROBE_READ_RET_IP
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "GPL";

__u64 seen[32];

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(on_unlink, int dfd, struct filename *name)
{
	seen[0] = dfd + BPF_CORE_READ(name, refcnt.counter);
	return 0;
}

SEC("kretprobe/do_unlinkat")
int BPF_KRETPROBE(on_unlink_exit, long ret)
{
	seen[1] = ret;
	return 0;
}

SEC("kprobe/vfs_read")
int BPF_KPROBE(six_args, struct file *file, char *buf, size_t count, loff_t *pos, void *a5, void *a6)
{
	seen[2] = (__u64)file + (__u64)buf + count + (__u64)pos + (__u64)a5 + (__u64)a6;
	return 0;
}

SEC("uprobe")
int BPF_UPROBE(on_malloc, size_t size)
{
	seen[3] = size;
	return 0;
}

SEC("uretprobe")
int BPF_URETPROBE(on_malloc_exit, void *ret)
{
	seen[4] = (__u64)ret;
	return 0;
}

SEC("ksyscall/openat")
int BPF_KSYSCALL(on_openat, int dfd, const char *path, int flags, umode_t mode)
{
	seen[5] = dfd + flags + mode + (__u64)path;
	return 0;
}

SEC("ksyscall/mmap")
int BPF_KPROBE_SYSCALL(on_mmap, void *addr, unsigned long len, int prot, int flags, int fd, unsigned long off)
{
	seen[6] = (__u64)addr + len + prot + flags + fd + off;
	return 0;
}

SEC("kprobe/__x64_sys_close")
int registers(struct pt_regs *ctx)
{
	struct pt_regs *regs = PT_REGS_SYSCALL_REGS(ctx);
	__u64 ip = 0;

	seen[7] = PT_REGS_PARM1(ctx) + PT_REGS_PARM2(ctx) + PT_REGS_PARM3(ctx) + PT_REGS_PARM4(ctx)
		+ PT_REGS_PARM5(ctx) + PT_REGS_PARM6(ctx);
	seen[8] = PT_REGS_RET(ctx) + PT_REGS_FP(ctx) + PT_REGS_RC(ctx) + PT_REGS_SP(ctx) + PT_REGS_IP(ctx);
	seen[9] = PT_REGS_PARM1_CORE(regs) + PT_REGS_PARM2_CORE(regs) + PT_REGS_PARM3_CORE(regs)
		+ PT_REGS_PARM4_CORE(regs) + PT_REGS_PARM5_CORE(regs) + PT_REGS_PARM6_CORE(regs);
	seen[10] = PT_REGS_RET_CORE(regs) + PT_REGS_FP_CORE(regs) + PT_REGS_RC_CORE(regs) + PT_REGS_SP_CORE(regs)
		+ PT_REGS_IP_CORE(regs);
	seen[11] = PT_REGS_PARM1_CORE_SYSCALL(regs) + PT_REGS_PARM2_CORE_SYSCALL(regs)
		+ PT_REGS_PARM3_CORE_SYSCALL(regs) + PT_REGS_PARM4_CORE_SYSCALL(regs)
		+ PT_REGS_PARM5_CORE_SYSCALL(regs) + PT_REGS_PARM6_CORE_SYSCALL(regs);
	BPF_KPROBE_READ_RET_IP(ip, ctx);
	seen[12] = ip;
	BPF_KRETPROBE_READ_RET_IP(ip, ctx);
	seen[13] = ip;
	return 0;
}

/* The _SYSCALL forms read the registers directly: for kernels without syscall wrappers, where ctx holds them. */
SEC("kprobe/ksys_close")
int syscall_registers(struct pt_regs *ctx)
{
	seen[14] = PT_REGS_PARM1_SYSCALL(ctx) + PT_REGS_PARM2_SYSCALL(ctx) + PT_REGS_PARM3_SYSCALL(ctx)
		+ PT_REGS_PARM4_SYSCALL(ctx) + PT_REGS_PARM5_SYSCALL(ctx) + PT_REGS_PARM6_SYSCALL(ctx);
	return 0;
}
