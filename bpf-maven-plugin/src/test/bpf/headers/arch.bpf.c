// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: bpf_tracing.h's register tables for every architecture, compiled once per
 * -D__TARGET_ARCH_<arch>. Each architecture's register block is declared here as its kernel UAPI header
 * (<asm/ptrace.h>) lays it out, since only one architecture's vmlinux.h is at hand. Compiled, not loaded.
 * Uses: PT_REGS_PARM1..8 (where the architecture passes them in registers) PT_REGS_RET/FP/RC/SP/IP
 * PT_REGS_PARM1..7_SYSCALL, the _CORE forms, PT_REGS_SYSCALL_REGS, BPF_KPROBE_READ_RET_IP
 */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef long long __s64;
typedef int __s32;
typedef __u16 __be16;
typedef __u32 __be32;
typedef __u32 __wsum;
typedef __u64 u64;
typedef __u32 u32;

enum bpf_map_type { BPF_MAP_TYPE_UNSPEC };
enum { BPF_ANY = 0 };

#if defined(__TARGET_ARCH_x86)
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8, ax, cx, dx, si, di, orig_ax, ip, cs, flags, sp, ss;
};
#define __VMLINUX_H__ /* kernel register names */
#define ARCH_PARMS 6
#define ARCH_SYSCALL_PARMS 6
#elif defined(__TARGET_ARCH_s390)
typedef struct { unsigned long mask, addr; } psw_t;
typedef struct { psw_t psw; unsigned long gprs[16]; unsigned int acrs[16]; unsigned long orig_gpr2; } user_pt_regs;
struct pt_regs;
#define ARCH_PARMS 5
#define ARCH_SYSCALL_PARMS 6
#elif defined(__TARGET_ARCH_arm)
struct pt_regs { long uregs[18]; };
#define ARCH_PARMS 4
#define ARCH_SYSCALL_PARMS 7
#elif defined(__TARGET_ARCH_arm64)
struct user_pt_regs { __u64 regs[31]; __u64 sp; __u64 pc; __u64 pstate; };
#define ARCH_PARMS 8
#define ARCH_SYSCALL_PARMS 6
#elif defined(__TARGET_ARCH_mips)
struct pt_regs { __u64 regs[32]; __u64 lo, hi, cp0_epc, cp0_badvaddr, cp0_status, cp0_cause; };
#define ARCH_PARMS 8
#define ARCH_SYSCALL_PARMS 6
#elif defined(__TARGET_ARCH_powerpc)
struct pt_regs {
	unsigned long gpr[32], nip, msr, orig_gpr3, ctr, link, xer, ccr, softe, trap, dar, dsisr, result;
};
#define ARCH_PARMS 8
#define ARCH_SYSCALL_PARMS 7
#elif defined(__TARGET_ARCH_sparc)
#define UREG_I0 8
#define UREG_I1 9
#define UREG_I2 10
#define UREG_I3 11
#define UREG_I4 12
#define UREG_I5 13
#define UREG_FP 14
#define UREG_I7 15
/* BPF is a 64-bit target without __arch64__: the 32-bit register block, whose IP member is pc. */
struct pt_regs { unsigned long psr, pc, npc, y; unsigned long u_regs[16]; };
#define ARCH_PARMS 6
#define ARCH_SYSCALL_PARMS 6
#elif defined(__TARGET_ARCH_riscv)
struct user_regs_struct {
	unsigned long pc, ra, sp, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3, a4, a5, a6, a7;
	unsigned long s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, t3, t4, t5, t6;
};
#define ARCH_PARMS 8
#define ARCH_SYSCALL_PARMS 6
#elif defined(__TARGET_ARCH_arc)
struct user_regs_struct {
	unsigned long pad;
	struct { unsigned long bta, lp_start, lp_end, lp_count, status32, ret, blink, fp, gp,
		r12, r11, r10, r9, r8, r7, r6, r5, r4, r3, r2, r1, r0, sp; } scratch;
};
#define ARCH_PARMS 8
#define ARCH_SYSCALL_PARMS 6
#elif defined(__TARGET_ARCH_loongarch)
struct user_pt_regs { unsigned long regs[32]; unsigned long orig_a0, csr_era, csr_badv, reserved[10]; };
#define ARCH_PARMS 8
#define ARCH_SYSCALL_PARMS 6
#endif

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "GPL";

__u64 sink[8];

SEC("kprobe/any")
int registers(struct pt_regs *ctx)
{
	__u64 v = PT_REGS_PARM1(ctx) + PT_REGS_PARM2(ctx) + PT_REGS_PARM3(ctx);
#if ARCH_PARMS >= 4
	v += PT_REGS_PARM4(ctx) + PT_REGS_PARM4_CORE(ctx);
#endif
#if ARCH_PARMS >= 5
	v += PT_REGS_PARM5(ctx);
#endif
#if ARCH_PARMS >= 6
	v += PT_REGS_PARM6(ctx);
#endif
#if ARCH_PARMS >= 8
	v += PT_REGS_PARM7(ctx) + PT_REGS_PARM8(ctx) + PT_REGS_PARM7_CORE(ctx) + PT_REGS_PARM8_CORE(ctx);
#endif
	v += PT_REGS_RET(ctx) + PT_REGS_RC(ctx) + PT_REGS_SP(ctx) + PT_REGS_IP(ctx) + PT_REGS_PARM1_CORE(ctx);
#if !defined(__TARGET_ARCH_powerpc) && !defined(__TARGET_ARCH_sparc)
	v += PT_REGS_FP(ctx) + PT_REGS_FP_CORE(ctx);
#endif
	sink[0] = v;
	return 0;
}

SEC("kprobe/sys_any")
int syscall_registers(struct pt_regs *ctx)
{
	struct pt_regs *regs = PT_REGS_SYSCALL_REGS(ctx);
	__u64 v = PT_REGS_PARM1_SYSCALL(regs) + PT_REGS_PARM2_SYSCALL(regs) + PT_REGS_PARM3_SYSCALL(regs)
		+ PT_REGS_PARM4_SYSCALL(regs) + PT_REGS_PARM5_SYSCALL(regs) + PT_REGS_PARM6_SYSCALL(regs)
		+ PT_REGS_PARM1_CORE_SYSCALL(regs) + PT_REGS_PARM6_CORE_SYSCALL(regs);
#if ARCH_SYSCALL_PARMS >= 7
	v += PT_REGS_PARM7_SYSCALL(regs) + PT_REGS_PARM7_CORE_SYSCALL(regs);
#endif
	BPF_KPROBE_READ_RET_IP(sink[1], ctx);
	sink[2] = v;
	return 0;
}
