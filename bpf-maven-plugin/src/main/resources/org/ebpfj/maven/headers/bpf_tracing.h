/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tracing helpers for BPF programs, written for bpf-maven-plugin (org.ebpfj) as a drop-in for libbpf's
 * <bpf/bpf_tracing.h>.
 *
 *   PT_REGS_PARM1..8(ctx), PT_REGS_RET/FP/RC/SP/IP(ctx)   registers of the probed function from struct pt_regs
 *   ..._CORE(ctx)                                        the same through CO-RE reads (pt_regs behind a pointer)
 *   PT_REGS_PARMn_SYSCALL(regs), ..._CORE_SYSCALL(regs)   a syscall's arguments from its user registers
 *   PT_REGS_SYSCALL_REGS(ctx)                            those user registers, from a syscall wrapper's ctx
 *   BPF_KPROBE_READ_RET_IP / BPF_KRETPROBE_READ_RET_IP    the return address
 *   BPF_PROG(name, args...)      tp_btf/fentry/fexit/fmod_ret/lsm/struct_ops/iter programs with typed arguments
 *   BPF_PROG2(name, type, arg, ...)   the same with argument types given apart (structs passed by value)
 *   BPF_KPROBE / BPF_KRETPROBE / BPF_UPROBE / BPF_URETPROBE   kprobes and uprobes with typed arguments
 *   BPF_KSYSCALL (= BPF_KPROBE_SYSCALL)                  a kprobe on a syscall, with the syscall's arguments
 *
 * The architecture is -D__TARGET_ARCH_<arch> (bpf-maven-plugin sets it from the build machine): x86, arm64,
 * riscv, s390, powerpc, loongarch, arm, mips, sparc, arc. The register names of struct pt_regs differ between
 * the kernel's view (vmlinux.h, which defines __VMLINUX_H__) and the UAPI one (<asm/ptrace.h>), on x86 only.
 */
#ifndef __BPF_TRACING_H__
#define __BPF_TRACING_H__

#include "bpf_helpers.h"
/* libbpf's version leaves this include to the source; the _CORE macros need it either way. */
#include "bpf_core_read.h"

#if defined(__TARGET_ARCH_x86)
#define bpf_target_x86
#define bpf_target_defined
#elif defined(__TARGET_ARCH_s390)
#define bpf_target_s390
#define bpf_target_defined
#elif defined(__TARGET_ARCH_arm)
#define bpf_target_arm
#define bpf_target_defined
#elif defined(__TARGET_ARCH_arm64)
#define bpf_target_arm64
#define bpf_target_defined
#elif defined(__TARGET_ARCH_mips)
#define bpf_target_mips
#define bpf_target_defined
#elif defined(__TARGET_ARCH_powerpc)
#define bpf_target_powerpc
#define bpf_target_defined
#elif defined(__TARGET_ARCH_sparc)
#define bpf_target_sparc
#define bpf_target_defined
#elif defined(__TARGET_ARCH_riscv)
#define bpf_target_riscv
#define bpf_target_defined
#elif defined(__TARGET_ARCH_arc)
#define bpf_target_arc
#define bpf_target_defined
#elif defined(__TARGET_ARCH_loongarch)
#define bpf_target_loongarch
#define bpf_target_defined
#else
/* No -D__TARGET_ARCH_: the compiler's own target, when it is not BPF (e.g. a header checked with gcc). */
#if defined(__x86_64__)
#define bpf_target_x86
#define bpf_target_defined
#elif defined(__s390__)
#define bpf_target_s390
#define bpf_target_defined
#elif defined(__arm__)
#define bpf_target_arm
#define bpf_target_defined
#elif defined(__aarch64__)
#define bpf_target_arm64
#define bpf_target_defined
#elif defined(__mips__)
#define bpf_target_mips
#define bpf_target_defined
#elif defined(__powerpc__)
#define bpf_target_powerpc
#define bpf_target_defined
#elif defined(__sparc__)
#define bpf_target_sparc
#define bpf_target_defined
#elif defined(__riscv) && __riscv_xlen == 64
#define bpf_target_riscv
#define bpf_target_defined
#elif defined(__arc__)
#define bpf_target_arc
#define bpf_target_defined
#elif defined(__loongarch__)
#define bpf_target_loongarch
#define bpf_target_defined
#endif
#endif

#ifndef __BPF_TARGET_MISSING
#define __BPF_TARGET_MISSING \
	"GCC error \"Must specify a BPF target arch via __TARGET_ARCH_xxx (bpf-maven-plugin: <targetArch>)\""
#endif

/*
 * Per architecture: the pt_regs members holding a function's arguments (__PT_PARMn_REG), a syscall's arguments
 * (__PT_PARMn_SYSCALL_REG), the return address (RET), frame pointer (FP), return value (RC), stack pointer (SP)
 * and instruction pointer (IP); __PT_REGS_CAST when the UAPI type of the registers is not struct pt_regs.
 */
#if defined(bpf_target_x86)

#if defined(__KERNEL__) || defined(__VMLINUX_H__)
#define __PT_PARM1_REG di
#define __PT_PARM2_REG si
#define __PT_PARM3_REG dx
#define __PT_PARM4_REG cx
#define __PT_PARM5_REG r8
#define __PT_PARM6_REG r9
/* The syscall ABI passes the fourth argument in r10: rcx is taken by the syscall instruction. */
#define __PT_PARM4_SYSCALL_REG r10
#define __PT_RET_REG sp
#define __PT_FP_REG bp
#define __PT_RC_REG ax
#define __PT_SP_REG sp
#define __PT_IP_REG ip
#elif defined(__i386__)
/* 32-bit kernels are built with -mregparm=3; their syscall ABI is that of syscall(2). */
#define __PT_PARM1_REG eax
#define __PT_PARM2_REG edx
#define __PT_PARM3_REG ecx
#define __PT_PARM1_SYSCALL_REG ebx
#define __PT_PARM2_SYSCALL_REG ecx
#define __PT_PARM3_SYSCALL_REG edx
#define __PT_PARM4_SYSCALL_REG esi
#define __PT_PARM5_SYSCALL_REG edi
#define __PT_PARM6_SYSCALL_REG ebp
#define __PT_RET_REG esp
#define __PT_FP_REG ebp
#define __PT_RC_REG eax
#define __PT_SP_REG esp
#define __PT_IP_REG eip
#else
#define __PT_PARM1_REG rdi
#define __PT_PARM2_REG rsi
#define __PT_PARM3_REG rdx
#define __PT_PARM4_REG rcx
#define __PT_PARM5_REG r8
#define __PT_PARM6_REG r9
#define __PT_PARM4_SYSCALL_REG r10
#define __PT_RET_REG rsp
#define __PT_FP_REG rbp
#define __PT_RC_REG rax
#define __PT_SP_REG rsp
#define __PT_IP_REG rip
#endif

#elif defined(bpf_target_s390)

/* The kernel keeps a syscall's first argument in orig_gpr2; gprs[2] becomes the return value. */
struct pt_regs___s390 {
	unsigned long orig_gpr2;
} __attribute__((preserve_access_index));

/* User space sees the registers as user_pt_regs (a typedef). */
#define __PT_REGS_CAST(x) ((const user_pt_regs *)(x))
#define __PT_PARM1_REG gprs[2]
#define __PT_PARM2_REG gprs[3]
#define __PT_PARM3_REG gprs[4]
#define __PT_PARM4_REG gprs[5]
#define __PT_PARM5_REG gprs[6]
#define __PT_PARM1_SYSCALL_REG orig_gpr2
#define __PT_PARM6_SYSCALL_REG gprs[7]
#define PT_REGS_PARM1_SYSCALL(x) (((const struct pt_regs___s390 *)(x))->__PT_PARM1_SYSCALL_REG)
#define PT_REGS_PARM1_CORE_SYSCALL(x) \
	BPF_CORE_READ((const struct pt_regs___s390 *)(x), __PT_PARM1_SYSCALL_REG)
#define __PT_RET_REG gprs[14]
#define __PT_FP_REG gprs[11] /* with CONFIG_FRAME_POINTER only */
#define __PT_RC_REG gprs[2]
#define __PT_SP_REG gprs[15]
#define __PT_IP_REG psw.addr

#elif defined(bpf_target_arm)

#define __PT_PARM1_REG uregs[0]
#define __PT_PARM2_REG uregs[1]
#define __PT_PARM3_REG uregs[2]
#define __PT_PARM4_REG uregs[3]
#define __PT_PARM5_SYSCALL_REG uregs[4]
#define __PT_PARM6_SYSCALL_REG uregs[5]
#define __PT_PARM7_SYSCALL_REG uregs[6]
#define __PT_RET_REG uregs[14]
#define __PT_FP_REG uregs[11] /* with CONFIG_FRAME_POINTER only */
#define __PT_RC_REG uregs[0]
#define __PT_SP_REG uregs[13]
#define __PT_IP_REG uregs[12]

#elif defined(bpf_target_arm64)

/* The kernel keeps a syscall's first argument in orig_x0; x0 becomes the return value. */
struct pt_regs___arm64 {
	unsigned long orig_x0;
} __attribute__((preserve_access_index));

/* User space sees the registers as struct user_pt_regs, the start of the kernel's pt_regs. */
#define __PT_REGS_CAST(x) ((const struct user_pt_regs *)(x))
#define __PT_PARM1_REG regs[0]
#define __PT_PARM2_REG regs[1]
#define __PT_PARM3_REG regs[2]
#define __PT_PARM4_REG regs[3]
#define __PT_PARM5_REG regs[4]
#define __PT_PARM6_REG regs[5]
#define __PT_PARM7_REG regs[6]
#define __PT_PARM8_REG regs[7]
#define __PT_PARM1_SYSCALL_REG orig_x0
#define PT_REGS_PARM1_SYSCALL(x) (((const struct pt_regs___arm64 *)(x))->__PT_PARM1_SYSCALL_REG)
#define PT_REGS_PARM1_CORE_SYSCALL(x) \
	BPF_CORE_READ((const struct pt_regs___arm64 *)(x), __PT_PARM1_SYSCALL_REG)
#define __PT_RET_REG regs[30]
#define __PT_FP_REG regs[29] /* with CONFIG_FRAME_POINTER only */
#define __PT_RC_REG regs[0]
#define __PT_SP_REG sp
#define __PT_IP_REG pc

#elif defined(bpf_target_mips) || defined(bpf_target_loongarch)

/* Both pass a function's arguments in regs[4] to regs[11]. */
#define __PT_PARM1_REG regs[4]
#define __PT_PARM2_REG regs[5]
#define __PT_PARM3_REG regs[6]
#define __PT_PARM4_REG regs[7]
#define __PT_PARM5_REG regs[8]
#define __PT_PARM6_REG regs[9]
#define __PT_PARM7_REG regs[10]
#define __PT_PARM8_REG regs[11]

#if defined(bpf_target_mips)
/* A syscall's fifth and sixth arguments exist for the N32/N64 ABIs only. */
#define __PT_RET_REG regs[31]
#define __PT_FP_REG regs[30] /* with CONFIG_FRAME_POINTER only */
#define __PT_RC_REG regs[2]
#define __PT_SP_REG regs[29]
#define __PT_IP_REG cp0_epc
#else
#define __PT_REGS_CAST(x) ((const struct user_pt_regs *)(x))
/* loongarch has no syscall wrappers. */
#define PT_REGS_SYSCALL_REGS(ctx) ctx
#define __PT_RET_REG regs[1]
#define __PT_FP_REG regs[22]
#define __PT_RC_REG regs[4]
#define __PT_SP_REG regs[3]
#define __PT_IP_REG csr_era
#endif

#elif defined(bpf_target_powerpc)

#define __PT_PARM1_REG gpr[3]
#define __PT_PARM2_REG gpr[4]
#define __PT_PARM3_REG gpr[5]
#define __PT_PARM4_REG gpr[6]
#define __PT_PARM5_REG gpr[7]
#define __PT_PARM6_REG gpr[8]
#define __PT_PARM7_REG gpr[9]
#define __PT_PARM8_REG gpr[10]
/* powerpc has no syscall wrappers: a syscall kprobe's ctx holds the user registers themselves. */
#define PT_REGS_SYSCALL_REGS(ctx) ctx
#define __PT_PARM1_SYSCALL_REG orig_gpr3
#if !defined(__arch64__)
#define __PT_PARM7_SYSCALL_REG __PT_PARM7_REG /* 32-bit powerpc only */
#endif
/* The return address is in the link register (libbpf 1.7 names regs[31], which powerpc's pt_regs lacks). */
#define __PT_RET_REG link
#define __PT_FP_REG __unsupported__
#define __PT_RC_REG gpr[3]
#define __PT_SP_REG gpr[1]
#define __PT_IP_REG nip

#elif defined(bpf_target_sparc)

#define __PT_PARM1_REG u_regs[UREG_I0]
#define __PT_PARM2_REG u_regs[UREG_I1]
#define __PT_PARM3_REG u_regs[UREG_I2]
#define __PT_PARM4_REG u_regs[UREG_I3]
#define __PT_PARM5_REG u_regs[UREG_I4]
#define __PT_PARM6_REG u_regs[UREG_I5]
#define __PT_RET_REG u_regs[UREG_I7]
#define __PT_FP_REG __unsupported__
#define __PT_RC_REG u_regs[UREG_I0]
#define __PT_SP_REG u_regs[UREG_FP]
#if defined(__arch64__)
#define __PT_IP_REG tpc
#else
#define __PT_IP_REG pc
#endif

#elif defined(bpf_target_riscv)

/* The kernel keeps a syscall's first argument in orig_a0; a0 becomes the return value. */
struct pt_regs___riscv {
	unsigned long orig_a0;
} __attribute__((preserve_access_index));

/* User space sees the registers as struct user_regs_struct, the start of the kernel's pt_regs. */
#define __PT_REGS_CAST(x) ((const struct user_regs_struct *)(x))
#define __PT_PARM1_REG a0
#define __PT_PARM2_REG a1
#define __PT_PARM3_REG a2
#define __PT_PARM4_REG a3
#define __PT_PARM5_REG a4
#define __PT_PARM6_REG a5
#define __PT_PARM7_REG a6
#define __PT_PARM8_REG a7
#define __PT_PARM1_SYSCALL_REG orig_a0
#define PT_REGS_PARM1_SYSCALL(x) (((const struct pt_regs___riscv *)(x))->__PT_PARM1_SYSCALL_REG)
#define PT_REGS_PARM1_CORE_SYSCALL(x) \
	BPF_CORE_READ((const struct pt_regs___riscv *)(x), __PT_PARM1_SYSCALL_REG)
#define __PT_RET_REG ra
#define __PT_FP_REG s0
#define __PT_RC_REG a0
#define __PT_SP_REG sp
#define __PT_IP_REG pc

#elif defined(bpf_target_arc)

#define __PT_REGS_CAST(x) ((const struct user_regs_struct *)(x))
#define __PT_PARM1_REG scratch.r0
#define __PT_PARM2_REG scratch.r1
#define __PT_PARM3_REG scratch.r2
#define __PT_PARM4_REG scratch.r3
#define __PT_PARM5_REG scratch.r4
#define __PT_PARM6_REG scratch.r5
#define __PT_PARM7_REG scratch.r6
#define __PT_PARM8_REG scratch.r7
/* arc has no syscall wrappers. */
#define PT_REGS_SYSCALL_REGS(ctx) ctx
#define __PT_RET_REG scratch.blink
#define __PT_FP_REG scratch.fp
#define __PT_RC_REG scratch.r0
#define __PT_SP_REG scratch.sp
#define __PT_IP_REG scratch.ret

#endif

#if defined(bpf_target_defined)

struct pt_regs;

#ifndef __PT_REGS_CAST
#define __PT_REGS_CAST(x) (x)
#endif

/*
 * A syscall argument an architecture did not place apart above is in the register of the function argument of
 * the same number.
 */
#ifndef __PT_PARM1_SYSCALL_REG
#define __PT_PARM1_SYSCALL_REG __PT_PARM1_REG
#endif
#ifndef __PT_PARM2_SYSCALL_REG
#define __PT_PARM2_SYSCALL_REG __PT_PARM2_REG
#endif
#ifndef __PT_PARM3_SYSCALL_REG
#define __PT_PARM3_SYSCALL_REG __PT_PARM3_REG
#endif
#ifndef __PT_PARM4_SYSCALL_REG
#define __PT_PARM4_SYSCALL_REG __PT_PARM4_REG
#endif
#ifndef __PT_PARM5_SYSCALL_REG
#define __PT_PARM5_SYSCALL_REG __PT_PARM5_REG
#endif
#ifndef __PT_PARM6_SYSCALL_REG
#define __PT_PARM6_SYSCALL_REG __PT_PARM6_REG
#endif

/* Registers an architecture does not pass arguments in: using them is a compile error naming __unsupported__. */
#ifndef __PT_PARM4_REG
#define __PT_PARM4_REG __unsupported__
#endif
#ifndef __PT_PARM5_REG
#define __PT_PARM5_REG __unsupported__
#endif
#ifndef __PT_PARM6_REG
#define __PT_PARM6_REG __unsupported__
#endif
#ifndef __PT_PARM7_REG
#define __PT_PARM7_REG __unsupported__
#endif
#ifndef __PT_PARM8_REG
#define __PT_PARM8_REG __unsupported__
#endif
#ifndef __PT_PARM7_SYSCALL_REG
#define __PT_PARM7_SYSCALL_REG __unsupported__
#endif

#define ___ebpfj_reg(x, reg) (__PT_REGS_CAST(x)->reg)
#define ___ebpfj_reg_core(x, reg) BPF_CORE_READ(__PT_REGS_CAST(x), reg)

#define PT_REGS_PARM1(x) ___ebpfj_reg(x, __PT_PARM1_REG)
#define PT_REGS_PARM2(x) ___ebpfj_reg(x, __PT_PARM2_REG)
#define PT_REGS_PARM3(x) ___ebpfj_reg(x, __PT_PARM3_REG)
#define PT_REGS_PARM4(x) ___ebpfj_reg(x, __PT_PARM4_REG)
#define PT_REGS_PARM5(x) ___ebpfj_reg(x, __PT_PARM5_REG)
#define PT_REGS_PARM6(x) ___ebpfj_reg(x, __PT_PARM6_REG)
#define PT_REGS_PARM7(x) ___ebpfj_reg(x, __PT_PARM7_REG)
#define PT_REGS_PARM8(x) ___ebpfj_reg(x, __PT_PARM8_REG)
#define PT_REGS_RET(x) ___ebpfj_reg(x, __PT_RET_REG)
#define PT_REGS_FP(x) ___ebpfj_reg(x, __PT_FP_REG)
#define PT_REGS_RC(x) ___ebpfj_reg(x, __PT_RC_REG)
#define PT_REGS_SP(x) ___ebpfj_reg(x, __PT_SP_REG)
#define PT_REGS_IP(x) ___ebpfj_reg(x, __PT_IP_REG)

#define PT_REGS_PARM1_CORE(x) ___ebpfj_reg_core(x, __PT_PARM1_REG)
#define PT_REGS_PARM2_CORE(x) ___ebpfj_reg_core(x, __PT_PARM2_REG)
#define PT_REGS_PARM3_CORE(x) ___ebpfj_reg_core(x, __PT_PARM3_REG)
#define PT_REGS_PARM4_CORE(x) ___ebpfj_reg_core(x, __PT_PARM4_REG)
#define PT_REGS_PARM5_CORE(x) ___ebpfj_reg_core(x, __PT_PARM5_REG)
#define PT_REGS_PARM6_CORE(x) ___ebpfj_reg_core(x, __PT_PARM6_REG)
#define PT_REGS_PARM7_CORE(x) ___ebpfj_reg_core(x, __PT_PARM7_REG)
#define PT_REGS_PARM8_CORE(x) ___ebpfj_reg_core(x, __PT_PARM8_REG)
#define PT_REGS_RET_CORE(x) ___ebpfj_reg_core(x, __PT_RET_REG)
#define PT_REGS_FP_CORE(x) ___ebpfj_reg_core(x, __PT_FP_REG)
#define PT_REGS_RC_CORE(x) ___ebpfj_reg_core(x, __PT_RC_REG)
#define PT_REGS_SP_CORE(x) ___ebpfj_reg_core(x, __PT_SP_REG)
#define PT_REGS_IP_CORE(x) ___ebpfj_reg_core(x, __PT_IP_REG)

/*
 * The return address: in a register on powerpc (link), sparc and arm64; elsewhere on the stack, at the stack
 * pointer on entry and just above the frame pointer's slot on return.
 */
#if defined(bpf_target_powerpc)
#define BPF_KPROBE_READ_RET_IP(ip, ctx) ({ (ip) = (ctx)->link; })
#define BPF_KRETPROBE_READ_RET_IP BPF_KPROBE_READ_RET_IP
#elif defined(bpf_target_sparc) || defined(bpf_target_arm64)
#define BPF_KPROBE_READ_RET_IP(ip, ctx) ({ (ip) = PT_REGS_RET(ctx); })
#define BPF_KRETPROBE_READ_RET_IP BPF_KPROBE_READ_RET_IP
#else
#define BPF_KPROBE_READ_RET_IP(ip, ctx) \
	({ bpf_probe_read_kernel(&(ip), sizeof(ip), (void *)PT_REGS_RET(ctx)); })
#define BPF_KRETPROBE_READ_RET_IP(ip, ctx) \
	({ bpf_probe_read_kernel(&(ip), sizeof(ip), (void *)(PT_REGS_FP(ctx) + sizeof(ip))); })
#endif

/* A syscall's arguments, unless the architecture defined one of them apart above. */
#ifndef PT_REGS_PARM1_SYSCALL
#define PT_REGS_PARM1_SYSCALL(x) ___ebpfj_reg(x, __PT_PARM1_SYSCALL_REG)
#define PT_REGS_PARM1_CORE_SYSCALL(x) ___ebpfj_reg_core(x, __PT_PARM1_SYSCALL_REG)
#endif
#define PT_REGS_PARM2_SYSCALL(x) ___ebpfj_reg(x, __PT_PARM2_SYSCALL_REG)
#define PT_REGS_PARM2_CORE_SYSCALL(x) ___ebpfj_reg_core(x, __PT_PARM2_SYSCALL_REG)
#define PT_REGS_PARM3_SYSCALL(x) ___ebpfj_reg(x, __PT_PARM3_SYSCALL_REG)
#define PT_REGS_PARM3_CORE_SYSCALL(x) ___ebpfj_reg_core(x, __PT_PARM3_SYSCALL_REG)
#define PT_REGS_PARM4_SYSCALL(x) ___ebpfj_reg(x, __PT_PARM4_SYSCALL_REG)
#define PT_REGS_PARM4_CORE_SYSCALL(x) ___ebpfj_reg_core(x, __PT_PARM4_SYSCALL_REG)
#define PT_REGS_PARM5_SYSCALL(x) ___ebpfj_reg(x, __PT_PARM5_SYSCALL_REG)
#define PT_REGS_PARM5_CORE_SYSCALL(x) ___ebpfj_reg_core(x, __PT_PARM5_SYSCALL_REG)
#define PT_REGS_PARM6_SYSCALL(x) ___ebpfj_reg(x, __PT_PARM6_SYSCALL_REG)
#define PT_REGS_PARM6_CORE_SYSCALL(x) ___ebpfj_reg_core(x, __PT_PARM6_SYSCALL_REG)
#define PT_REGS_PARM7_SYSCALL(x) ___ebpfj_reg(x, __PT_PARM7_SYSCALL_REG)
#define PT_REGS_PARM7_CORE_SYSCALL(x) ___ebpfj_reg_core(x, __PT_PARM7_SYSCALL_REG)

#else /* no target architecture: every register macro is a compile error that says what to set */

#define ___ebpfj_no_target(x) ({ _Pragma(__BPF_TARGET_MISSING); 0l; })
#define PT_REGS_PARM1(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM2(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM3(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM4(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM5(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM6(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM7(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM8(x) ___ebpfj_no_target(x)
#define PT_REGS_RET(x) ___ebpfj_no_target(x)
#define PT_REGS_FP(x) ___ebpfj_no_target(x)
#define PT_REGS_RC(x) ___ebpfj_no_target(x)
#define PT_REGS_SP(x) ___ebpfj_no_target(x)
#define PT_REGS_IP(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM1_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM2_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM3_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM4_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM5_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM6_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM7_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM8_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_RET_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_FP_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_RC_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_SP_CORE(x) ___ebpfj_no_target(x)
#define PT_REGS_IP_CORE(x) ___ebpfj_no_target(x)
#define BPF_KPROBE_READ_RET_IP(ip, ctx) ___ebpfj_no_target(ctx)
#define BPF_KRETPROBE_READ_RET_IP(ip, ctx) ___ebpfj_no_target(ctx)
#define PT_REGS_PARM1_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM2_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM3_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM4_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM5_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM6_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM7_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM1_CORE_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM2_CORE_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM3_CORE_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM4_CORE_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM5_CORE_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM6_CORE_SYSCALL(x) ___ebpfj_no_target(x)
#define PT_REGS_PARM7_CORE_SYSCALL(x) ___ebpfj_no_target(x)

#endif /* bpf_target_defined */

/*
 * The user registers of a syscall, from the ctx of a kprobe on its wrapper (__x64_sys_..., which receives a
 * pointer to them); architectures without wrappers defined it as ctx above.
 */
#ifndef PT_REGS_SYSCALL_REGS
#define PT_REGS_SYSCALL_REGS(ctx) ((struct pt_regs *)PT_REGS_PARM1(ctx))
#endif

/* ___bpf_narg and ___bpf_apply come from bpf_helpers.h, included above. */

/*
 * Every program macro below has the same shape: it declares name(ctx) (so that typeof(name(0)) is the return
 * type the user wrote in front of the macro), defines it to call an always-inline ____name with ctx and the
 * arguments it unpacks from ctx, and leaves the signature of ____name open for the user's body. Arguments are
 * passed as u64 and converted to the declared types by the call, pointers included: -Wint-conversion is
 * silenced for that call only.
 */
#define ___ebpfj_prog(name, ctx_type, call_args, args...) \
name(ctx_type ctx); \
static __always_inline typeof(name(0)) ____##name(ctx_type ctx, ##args); \
typeof(name(0)) name(ctx_type ctx) \
{ \
	_Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
	return ____##name(call_args); \
	_Pragma("GCC diagnostic pop") \
} \
static __always_inline typeof(name(0)) ____##name(ctx_type ctx, ##args)

/*
 * ___ebpfj_firstN(list...): a comma and the first N elements of the list. The elements after them are never
 * expanded (an argument a macro does not use is dropped as it is), so a list may name registers an architecture
 * lacks, past the count a program asks for.
 */
#define ___ebpfj_first0(...)
#define ___ebpfj_first1(a, ...) , a
#define ___ebpfj_first2(a, b, ...) , a, b
#define ___ebpfj_first3(a, b, c, ...) , a, b, c
#define ___ebpfj_first4(a, b, c, d, ...) , a, b, c, d
#define ___ebpfj_first5(a, b, c, d, e, ...) , a, b, c, d, e
#define ___ebpfj_first6(a, b, c, d, e, f, ...) , a, b, c, d, e, f
#define ___ebpfj_first7(a, b, c, d, e, f, g, ...) , a, b, c, d, e, f, g
#define ___ebpfj_first8(a, b, c, d, e, f, g, h, ...) , a, b, c, d, e, f, g, h
#define ___ebpfj_first9(a, b, c, d, e, f, g, h, i, ...) , a, b, c, d, e, f, g, h, i
#define ___ebpfj_first10(a, b, c, d, e, f, g, h, i, j, ...) , a, b, c, d, e, f, g, h, i, j
#define ___ebpfj_first11(a, b, c, d, e, f, g, h, i, j, k, ...) , a, b, c, d, e, f, g, h, i, j, k
#define ___ebpfj_first12(a, b, c, d, e, f, g, h, i, j, k, l, ...) , a, b, c, d, e, f, g, h, i, j, k, l

/* BPF_PROG: the context of BTF-typed programs is an array of u64, one per argument. */
#define ___bpf_ctx_cast(args...) ctx ___bpf_apply(___ebpfj_first, ___bpf_narg(args)) \
	(ctx[0], ctx[1], ctx[2], ctx[3], ctx[4], ctx[5], ctx[6], ctx[7], ctx[8], ctx[9], ctx[10], ctx[11])

#define BPF_PROG(name, args...) \
	___ebpfj_prog(name, unsigned long long *, ___bpf_ctx_cast(args), ##args)

/*
 * BPF_PROG2(name, type1, arg1, type2, arg2, ...): as BPF_PROG, with each type given apart, so that an argument
 * of 16 bytes (a struct passed by value in two registers) takes two slots of ctx. An argument's slot is the
 * number of slots taken by the arguments before it.
 *
 * Slots taken by a type: one up to 8 bytes, two for 16.
 */
#define ___ebpfj_slots(t) \
	__builtin_choose_expr(sizeof(t) <= 8, 1, __builtin_choose_expr(sizeof(t) == 16, 2, (void)0))

/* The value of type t stored from slot n: the slots' bytes reinterpreted through a union. */
#define ___ebpfj_slot_value(t, x, n) \
	__builtin_choose_expr(sizeof(t) == 1, ({ union { __u8 z[1]; t x; } ___t = { .z = {ctx[n]} }; ___t.x; }), \
	__builtin_choose_expr(sizeof(t) == 2, ({ union { __u16 z[1]; t x; } ___t = { .z = {ctx[n]} }; ___t.x; }), \
	__builtin_choose_expr(sizeof(t) == 4, ({ union { __u32 z[1]; t x; } ___t = { .z = {ctx[n]} }; ___t.x; }), \
	__builtin_choose_expr(sizeof(t) == 8, ({ union { __u64 z[1]; t x; } ___t = { .z = {ctx[n]} }; ___t.x; }), \
	__builtin_choose_expr(sizeof(t) == 16, \
		({ union { __u64 z[2]; t x; } ___t = { .z = {ctx[n], ctx[n + 1]} }; ___t.x; }), \
	(void)0)))))

/* The arguments' values, one pair at a time (___ebpfj_rescan, bpf_helpers.h): n is the slots taken before. */
#define ___ebpfj_vals_step(n, t, x, ...) , ___ebpfj_slot_value(t, x, n) \
	__VA_OPT__(___ebpfj_vals_again ___ebpfj_parens (n + ___ebpfj_slots(t), __VA_ARGS__))
#define ___ebpfj_vals_again() ___ebpfj_vals_step
#define ___ebpfj_vals(...) __VA_OPT__(___ebpfj_rescan(___ebpfj_vals_step(0, __VA_ARGS__)))

/* "type1, arg1, type2, arg2" as a parameter list ", type1 arg1, type2 arg2". */
#define ___ebpfj_params_step(t, x, ...) , t x __VA_OPT__(___ebpfj_params_again ___ebpfj_parens (__VA_ARGS__))
#define ___ebpfj_params_again() ___ebpfj_params_step
#define ___ebpfj_params(...) __VA_OPT__(___ebpfj_rescan(___ebpfj_params_step(__VA_ARGS__)))

#define BPF_PROG2(name, args...) \
name(unsigned long long *ctx); \
static __always_inline typeof(name(0)) ____##name(unsigned long long *ctx ___ebpfj_params(args)); \
typeof(name(0)) name(unsigned long long *ctx) \
{ \
	return ____##name(ctx ___ebpfj_vals(args)); \
} \
static __always_inline typeof(name(0)) ____##name(unsigned long long *ctx ___ebpfj_params(args))

/* BPF_KPROBE / BPF_UPROBE: the probed function's arguments from its registers. */
#define ___bpf_kprobe_args(args...) ctx ___bpf_apply(___ebpfj_first, ___bpf_narg(args)) \
	((unsigned long long)PT_REGS_PARM1(ctx), (unsigned long long)PT_REGS_PARM2(ctx), \
	 (unsigned long long)PT_REGS_PARM3(ctx), (unsigned long long)PT_REGS_PARM4(ctx), \
	 (unsigned long long)PT_REGS_PARM5(ctx), (unsigned long long)PT_REGS_PARM6(ctx), \
	 (unsigned long long)PT_REGS_PARM7(ctx), (unsigned long long)PT_REGS_PARM8(ctx))

#define BPF_KPROBE(name, args...) \
	___ebpfj_prog(name, struct pt_regs *, ___bpf_kprobe_args(args), ##args)

/* BPF_KRETPROBE / BPF_URETPROBE: the return value, as the optional single argument. */
#define ___bpf_kretprobe_args(args...) ctx ___bpf_apply(___ebpfj_first, ___bpf_narg(args)) \
	((unsigned long long)PT_REGS_RC(ctx))

#define BPF_KRETPROBE(name, args...) \
	___ebpfj_prog(name, struct pt_regs *, ___bpf_kretprobe_args(args), ##args)

/* A syscall's arguments read directly from its user registers (kernels without syscall wrappers). */
#define ___bpf_syscall_args(args...) ctx ___bpf_apply(___ebpfj_first, ___bpf_narg(args)) \
	((unsigned long long)PT_REGS_PARM1_SYSCALL(regs), (unsigned long long)PT_REGS_PARM2_SYSCALL(regs), \
	 (unsigned long long)PT_REGS_PARM3_SYSCALL(regs), (unsigned long long)PT_REGS_PARM4_SYSCALL(regs), \
	 (unsigned long long)PT_REGS_PARM5_SYSCALL(regs), (unsigned long long)PT_REGS_PARM6_SYSCALL(regs), \
	 (unsigned long long)PT_REGS_PARM7_SYSCALL(regs))

/* The same through CO-RE reads, for the user registers a wrapper received by pointer (kernel memory). */
#define ___bpf_syswrap_args(args...) ctx ___bpf_apply(___ebpfj_first, ___bpf_narg(args)) \
	((unsigned long long)PT_REGS_PARM1_CORE_SYSCALL(regs), (unsigned long long)PT_REGS_PARM2_CORE_SYSCALL(regs), \
	 (unsigned long long)PT_REGS_PARM3_CORE_SYSCALL(regs), (unsigned long long)PT_REGS_PARM4_CORE_SYSCALL(regs), \
	 (unsigned long long)PT_REGS_PARM5_CORE_SYSCALL(regs), (unsigned long long)PT_REGS_PARM6_CORE_SYSCALL(regs), \
	 (unsigned long long)PT_REGS_PARM7_CORE_SYSCALL(regs))

/*
 * BPF_KSYSCALL(name, args...): a kprobe on a syscall (SEC("ksyscall/<name>")) with the syscall's arguments.
 * Whether the kernel calls syscalls through wrappers that take the user registers by pointer is a property of
 * the running kernel, which the loader provides as the virtual CONFIG value LINUX_HAS_SYSCALL_WRAPPER.
 */
#define BPF_KSYSCALL(name, args...) \
name(struct pt_regs *ctx); \
extern _Bool LINUX_HAS_SYSCALL_WRAPPER __kconfig; \
static __always_inline typeof(name(0)) ____##name(struct pt_regs *ctx, ##args); \
typeof(name(0)) name(struct pt_regs *ctx) \
{ \
	struct pt_regs *regs = LINUX_HAS_SYSCALL_WRAPPER ? (struct pt_regs *)PT_REGS_PARM1(ctx) : ctx; \
	_Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
	if (LINUX_HAS_SYSCALL_WRAPPER) \
		return ____##name(___bpf_syswrap_args(args)); \
	else \
		return ____##name(___bpf_syscall_args(args)); \
	_Pragma("GCC diagnostic pop") \
} \
static __always_inline typeof(name(0)) ____##name(struct pt_regs *ctx, ##args)

#define BPF_KPROBE_SYSCALL BPF_KSYSCALL

/* Uprobes see the same struct pt_regs as kprobes. */
#define BPF_UPROBE(name, args...) BPF_KPROBE(name, ##args)
#define BPF_URETPROBE(name, args...) BPF_KRETPROBE(name, ##args)

#endif /* __BPF_TRACING_H__ */
