/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tracing helpers for BPF programs, written for bpf-maven-plugin (org.ebpfj).
 *
 * PT_REGS_PARM1..PT_REGS_PARM6 (PARM7/8 where the ABI passes them in registers), PT_REGS_RET, PT_REGS_FP,
 * PT_REGS_RC, PT_REGS_SP, PT_REGS_IP read a function's arguments and registers from the struct pt_regs a
 * kprobe receives; the *_CORE variants read through CO-RE (for pt_regs reached through a pointer, e.g. a
 * syscall's inner regs). The architecture comes from -D__TARGET_ARCH_<arch> (bpf-maven-plugin sets it from the
 * build machine): x86 and arm64 are supported.
 *
 * BPF_PROG(name, args...)      a tp_btf/fentry/fexit/lsm program with typed arguments
 * BPF_KPROBE(name, args...)    a kprobe with typed function arguments
 * BPF_KRETPROBE(name, ret)     a kretprobe with the typed return value
 *
 * struct pt_regs has kernel field names in vmlinux.h (di, si...) and user-space names in the UAPI
 * <asm/ptrace.h> (rdi, rsi... on x86); vmlinux.h defines __VMLINUX_H__, which selects the kernel names.
 */
#ifndef EBPFJ_BPF_TRACING_H
#define EBPFJ_BPF_TRACING_H

#include "bpf_helpers.h"
#include "bpf_core_read.h"

#if defined(__TARGET_ARCH_x86)

#if defined(__KERNEL__) || defined(__VMLINUX_H__)
#define __EBPFJ_REG_PARM1 di
#define __EBPFJ_REG_PARM2 si
#define __EBPFJ_REG_PARM3 dx
#define __EBPFJ_REG_PARM4 cx
#define __EBPFJ_REG_PARM5 r8
#define __EBPFJ_REG_PARM6 r9
#define __EBPFJ_REG_SYSCALL4 r10
#define __EBPFJ_REG_RET sp
#define __EBPFJ_REG_FP bp
#define __EBPFJ_REG_RC ax
#define __EBPFJ_REG_SP sp
#define __EBPFJ_REG_IP ip
#else
#define __EBPFJ_REG_PARM1 rdi
#define __EBPFJ_REG_PARM2 rsi
#define __EBPFJ_REG_PARM3 rdx
#define __EBPFJ_REG_PARM4 rcx
#define __EBPFJ_REG_PARM5 r8
#define __EBPFJ_REG_PARM6 r9
#define __EBPFJ_REG_SYSCALL4 r10
#define __EBPFJ_REG_RET rsp
#define __EBPFJ_REG_FP rbp
#define __EBPFJ_REG_RC rax
#define __EBPFJ_REG_SP rsp
#define __EBPFJ_REG_IP rip
#endif
#define __EBPFJ_PT_REGS_CAST(x) (x)
/* Since 4.17 x86 syscalls get their user registers through a pointer in the first argument. */
#define __EBPFJ_SYSCALL_WRAPPED 1

#elif defined(__TARGET_ARCH_arm64)

/* The kernel's pt_regs begins with the user-visible register block. */
struct user_pt_regs;
#define __EBPFJ_PT_REGS_CAST(x) ((const struct user_pt_regs *)(x))
#define __EBPFJ_REG_PARM1 regs[0]
#define __EBPFJ_REG_PARM2 regs[1]
#define __EBPFJ_REG_PARM3 regs[2]
#define __EBPFJ_REG_PARM4 regs[3]
#define __EBPFJ_REG_PARM5 regs[4]
#define __EBPFJ_REG_PARM6 regs[5]
#define __EBPFJ_REG_PARM7 regs[6]
#define __EBPFJ_REG_PARM8 regs[7]
#define __EBPFJ_REG_SYSCALL4 regs[3]
#define __EBPFJ_REG_RET regs[30]
#define __EBPFJ_REG_FP regs[29]
#define __EBPFJ_REG_RC regs[0]
#define __EBPFJ_REG_SP sp
#define __EBPFJ_REG_IP pc
#define __EBPFJ_SYSCALL_WRAPPED 1

#endif

#if defined(__EBPFJ_REG_PARM1)

#define __EBPFJ_REG(x, reg) (__EBPFJ_PT_REGS_CAST(x)->reg)
#define __EBPFJ_REG_CORE(x, reg) BPF_CORE_READ(__EBPFJ_PT_REGS_CAST(x), reg)

#define PT_REGS_PARM1(x) __EBPFJ_REG(x, __EBPFJ_REG_PARM1)
#define PT_REGS_PARM2(x) __EBPFJ_REG(x, __EBPFJ_REG_PARM2)
#define PT_REGS_PARM3(x) __EBPFJ_REG(x, __EBPFJ_REG_PARM3)
#define PT_REGS_PARM4(x) __EBPFJ_REG(x, __EBPFJ_REG_PARM4)
#define PT_REGS_PARM5(x) __EBPFJ_REG(x, __EBPFJ_REG_PARM5)
#define PT_REGS_PARM6(x) __EBPFJ_REG(x, __EBPFJ_REG_PARM6)
#define PT_REGS_RET(x) __EBPFJ_REG(x, __EBPFJ_REG_RET)
#define PT_REGS_FP(x) __EBPFJ_REG(x, __EBPFJ_REG_FP)
#define PT_REGS_RC(x) __EBPFJ_REG(x, __EBPFJ_REG_RC)
#define PT_REGS_SP(x) __EBPFJ_REG(x, __EBPFJ_REG_SP)
#define PT_REGS_IP(x) __EBPFJ_REG(x, __EBPFJ_REG_IP)

#define PT_REGS_PARM1_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_PARM1)
#define PT_REGS_PARM2_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_PARM2)
#define PT_REGS_PARM3_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_PARM3)
#define PT_REGS_PARM4_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_PARM4)
#define PT_REGS_PARM5_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_PARM5)
#define PT_REGS_PARM6_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_PARM6)
#define PT_REGS_RET_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_RET)
#define PT_REGS_FP_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_FP)
#define PT_REGS_RC_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_RC)
#define PT_REGS_SP_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_SP)
#define PT_REGS_IP_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_IP)

#if defined(__EBPFJ_REG_PARM7)
#define PT_REGS_PARM7(x) __EBPFJ_REG(x, __EBPFJ_REG_PARM7)
#define PT_REGS_PARM8(x) __EBPFJ_REG(x, __EBPFJ_REG_PARM8)
#define PT_REGS_PARM7_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_PARM7)
#define PT_REGS_PARM8_CORE(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_PARM8)
#endif

/* Syscall arguments: the fourth is in another register than a function's fourth. */
#define PT_REGS_PARM1_SYSCALL(x) PT_REGS_PARM1(x)
#define PT_REGS_PARM2_SYSCALL(x) PT_REGS_PARM2(x)
#define PT_REGS_PARM3_SYSCALL(x) PT_REGS_PARM3(x)
#define PT_REGS_PARM4_SYSCALL(x) __EBPFJ_REG(x, __EBPFJ_REG_SYSCALL4)
#define PT_REGS_PARM5_SYSCALL(x) PT_REGS_PARM5(x)
#define PT_REGS_PARM6_SYSCALL(x) PT_REGS_PARM6(x)
#define PT_REGS_PARM1_CORE_SYSCALL(x) PT_REGS_PARM1_CORE(x)
#define PT_REGS_PARM2_CORE_SYSCALL(x) PT_REGS_PARM2_CORE(x)
#define PT_REGS_PARM3_CORE_SYSCALL(x) PT_REGS_PARM3_CORE(x)
#define PT_REGS_PARM4_CORE_SYSCALL(x) __EBPFJ_REG_CORE(x, __EBPFJ_REG_SYSCALL4)
#define PT_REGS_PARM5_CORE_SYSCALL(x) PT_REGS_PARM5_CORE(x)
#define PT_REGS_PARM6_CORE_SYSCALL(x) PT_REGS_PARM6_CORE(x)
/* The user registers of a syscall, from the regs its wrapper received. */
#define PT_REGS_SYSCALL_REGS(ctx) ((struct pt_regs *)PT_REGS_PARM1(ctx))

#else /* no known __TARGET_ARCH_ */

#define __EBPFJ_NO_ARCH(x) ({ \
	_Pragma("GCC error \"bpf_tracing.h: set -D__TARGET_ARCH_x86 or -D__TARGET_ARCH_arm64 (bpf-maven-plugin: <targetArch>)\""); \
	0l; })
#define PT_REGS_PARM1(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_PARM2(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_PARM3(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_PARM4(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_PARM5(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_PARM6(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_RET(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_FP(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_RC(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_SP(x) __EBPFJ_NO_ARCH(x)
#define PT_REGS_IP(x) __EBPFJ_NO_ARCH(x)

#endif

/* Argument counting 0..12 for the program macros. */
#define __ebpfj_tr_nth(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, N, ...) N
#define __ebpfj_tr_count(...) __ebpfj_tr_nth(_, ##__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define __ebpfj_tr_cat(a, b) a##b
#define __ebpfj_tr_call(name, n) __ebpfj_tr_cat(name, n)

/*
 * BPF_PROG: the context of tp_btf/fentry/fexit/lsm programs is an array of u64, one per argument. The
 * program body becomes an inline function with the declared parameters, called with the array's elements
 * (the casts convert each u64 to whatever the parameter's type is).
 */
#define __ebpfj_ctx_args0() ctx
#define __ebpfj_ctx_args1(a) __ebpfj_ctx_args0(), (void *)ctx[0]
#define __ebpfj_ctx_args2(a, ...) __ebpfj_ctx_args1(__VA_ARGS__), (void *)ctx[1]
#define __ebpfj_ctx_args3(a, ...) __ebpfj_ctx_args2(__VA_ARGS__), (void *)ctx[2]
#define __ebpfj_ctx_args4(a, ...) __ebpfj_ctx_args3(__VA_ARGS__), (void *)ctx[3]
#define __ebpfj_ctx_args5(a, ...) __ebpfj_ctx_args4(__VA_ARGS__), (void *)ctx[4]
#define __ebpfj_ctx_args6(a, ...) __ebpfj_ctx_args5(__VA_ARGS__), (void *)ctx[5]
#define __ebpfj_ctx_args7(a, ...) __ebpfj_ctx_args6(__VA_ARGS__), (void *)ctx[6]
#define __ebpfj_ctx_args8(a, ...) __ebpfj_ctx_args7(__VA_ARGS__), (void *)ctx[7]
#define __ebpfj_ctx_args9(a, ...) __ebpfj_ctx_args8(__VA_ARGS__), (void *)ctx[8]
#define __ebpfj_ctx_args10(a, ...) __ebpfj_ctx_args9(__VA_ARGS__), (void *)ctx[9]
#define __ebpfj_ctx_args11(a, ...) __ebpfj_ctx_args10(__VA_ARGS__), (void *)ctx[10]
#define __ebpfj_ctx_args12(a, ...) __ebpfj_ctx_args11(__VA_ARGS__), (void *)ctx[11]
#define __ebpfj_ctx_args(args...) __ebpfj_tr_call(__ebpfj_ctx_args, __ebpfj_tr_count(args))(args)

#define BPF_PROG(name, args...) \
name(unsigned long long *ctx); \
static __always_inline __typeof__(name(0)) ____##name(unsigned long long *ctx, ##args); \
__typeof__(name(0)) name(unsigned long long *ctx) \
{ \
	_Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
	return ____##name(__ebpfj_ctx_args(args)); \
	_Pragma("GCC diagnostic pop") \
} \
static __always_inline __typeof__(name(0)) ____##name(unsigned long long *ctx, ##args)

/* BPF_KPROBE: the function's arguments from the registers, in calling-convention order. */
#define __ebpfj_kp_args0() ctx
#define __ebpfj_kp_args1(a) __ebpfj_kp_args0(), (void *)PT_REGS_PARM1(ctx)
#define __ebpfj_kp_args2(a, b) __ebpfj_kp_args1(a), (void *)PT_REGS_PARM2(ctx)
#define __ebpfj_kp_args3(a, b, c) __ebpfj_kp_args2(a, b), (void *)PT_REGS_PARM3(ctx)
#define __ebpfj_kp_args4(a, b, c, d) __ebpfj_kp_args3(a, b, c), (void *)PT_REGS_PARM4(ctx)
#define __ebpfj_kp_args5(a, b, c, d, e) __ebpfj_kp_args4(a, b, c, d), (void *)PT_REGS_PARM5(ctx)
#define __ebpfj_kp_args6(a, b, c, d, e, f) __ebpfj_kp_args5(a, b, c, d, e), (void *)PT_REGS_PARM6(ctx)
#define __ebpfj_kp_args(args...) __ebpfj_tr_call(__ebpfj_kp_args, __ebpfj_tr_count(args))(args)

#define BPF_KPROBE(name, args...) \
name(struct pt_regs *ctx); \
static __always_inline __typeof__(name(0)) ____##name(struct pt_regs *ctx, ##args); \
__typeof__(name(0)) name(struct pt_regs *ctx) \
{ \
	_Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
	return ____##name(__ebpfj_kp_args(args)); \
	_Pragma("GCC diagnostic pop") \
} \
static __always_inline __typeof__(name(0)) ____##name(struct pt_regs *ctx, ##args)

/* BPF_KRETPROBE: the return value (optional single argument). */
#define __ebpfj_krp_args0() ctx
#define __ebpfj_krp_args1(a) ctx, (void *)PT_REGS_RC(ctx)
#define __ebpfj_krp_args(args...) __ebpfj_tr_call(__ebpfj_krp_args, __ebpfj_tr_count(args))(args)

#define BPF_KRETPROBE(name, args...) \
name(struct pt_regs *ctx); \
static __always_inline __typeof__(name(0)) ____##name(struct pt_regs *ctx, ##args); \
__typeof__(name(0)) name(struct pt_regs *ctx) \
{ \
	_Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
	return ____##name(__ebpfj_krp_args(args)); \
	_Pragma("GCC diagnostic pop") \
} \
static __always_inline __typeof__(name(0)) ____##name(struct pt_regs *ctx, ##args)

#endif /* EBPFJ_BPF_TRACING_H */
