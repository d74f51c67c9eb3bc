/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The BPF side of USDT (user statically defined tracepoints), written for bpf-maven-plugin (org.ebpfj) as a
 * drop-in for libbpf's <bpf/usdt.bpf.h>. Programs go in SEC("usdt/<binary>:<provider>:<name>") (or are attached
 * with bpf_program__attach_usdt) and read the probe's arguments with
 *
 *   bpf_usdt_arg_cnt(ctx)           how many arguments the probe has
 *   bpf_usdt_arg(ctx, n, &value)    argument n (from 0) widened to long; 0 or a negative errno
 *   bpf_usdt_arg_size(ctx, n)       its size in bytes
 *   bpf_usdt_cookie(ctx)            the cookie given at attach time
 *   BPF_USDT(name, args...)         a program with the arguments as typed parameters
 *
 * How: libbpf's user side parses each probe's argument notes (e.g. "-4@-1204(%rbp)") into a spec, stores it in
 * the map __bpf_usdt_specs under a spec id and gives the id to the program as its BPF cookie (or, on kernels
 * without cookies, through __bpf_usdt_ip_to_spec_id, keyed by the probe's address). The names and layouts of
 * those maps and structs are libbpf's ABI and must stay exactly as they are here.
 */
#ifndef __USDT_BPF_H__
#define __USDT_BPF_H__

/* The UAPI errno header, when the include path can reach it and the <asm/errno.h> it needs. */
#if defined(__has_include)
#if __has_include(<linux/errno.h>) && __has_include(<asm/errno.h>)
#include <linux/errno.h>
#endif
#endif
/* With only vmlinux.h there are no errno constants; the values are the kernel's (asm-generic/errno-base.h). */
#ifndef ENOENT
#define ENOENT 2
#endif
#ifndef ESRCH
#define ESRCH 3
#endif
#ifndef EINVAL
#define EINVAL 22
#endif

#include "bpf_helpers.h"
#include "bpf_tracing.h"

/* Size of the spec table; a program may define it larger before including this header. */
#ifndef BPF_USDT_MAX_SPEC_CNT
#define BPF_USDT_MAX_SPEC_CNT 256
#endif
/* Size of the address-to-spec table (kernels without BPF cookies). */
#ifndef BPF_USDT_MAX_IP_CNT
#define BPF_USDT_MAX_IP_CNT (4 * BPF_USDT_MAX_SPEC_CNT)
#endif

/* Where an argument lives. */
enum __bpf_usdt_arg_type {
	BPF_USDT_ARG_CONST,		/* a constant: val_off */
	BPF_USDT_ARG_REG,		/* a register: the pt_regs member at reg_off */
	BPF_USDT_ARG_REG_DEREF,		/* memory at that register + val_off */
};

/* One argument, as libbpf's user side writes it. */
struct __bpf_usdt_arg_spec {
	/* the constant, or the memory offset */
	__u64 val_off;
	/*
	 * A plain enum, 16 bytes in all: the layout of libbpf 1.1 (the libbpf.so.1 ebpfj runs against). Later
	 * libbpf adds bit-fields here for SIB operands; written that way the struct was 24 bytes, so libbpf 1.1's
	 * specs were read at the wrong offsets (garbage argument counts and values).
	 */
	enum __bpf_usdt_arg_type arg_type;
	/* offset of the register in struct pt_regs */
	short reg_off;
	/* whether to sign-extend the value */
	bool arg_signed;
	/* 64 - 8 * the argument's size: the shift that clears (or sign-extends) the bits above it */
	char arg_bitshift;
};

/* The most arguments a probe can have (libbpf's USDT_MAX_ARG_CNT). */
#define BPF_USDT_MAX_ARG_CNT 12
struct __bpf_usdt_spec {
	struct __bpf_usdt_arg_spec args[BPF_USDT_MAX_ARG_CNT];
	__u64 usdt_cookie;
	short arg_cnt;
};

/* Weak, so that every object of a program that includes this header shares one pair of maps when linked. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, BPF_USDT_MAX_SPEC_CNT);
	__type(key, int);
	__type(value, struct __bpf_usdt_spec);
} __bpf_usdt_specs SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, BPF_USDT_MAX_IP_CNT);
	__type(key, long);
	__type(value, __u32);
} __bpf_usdt_ip_to_spec_id SEC(".maps") __weak;

/* Set by the loader: whether the running kernel gives programs their BPF cookie (5.15+). */
extern const _Bool LINUX_HAS_BPF_COOKIE __kconfig;

/* The spec id of the probe that fired: its cookie, or found by the probe's address. */
static __always_inline
int __bpf_usdt_spec_id(struct pt_regs *ctx)
{
	if (LINUX_HAS_BPF_COOKIE)
		return bpf_get_attach_cookie(ctx);

	long ip = PT_REGS_IP(ctx);
	int *id = bpf_map_lookup_elem(&__bpf_usdt_ip_to_spec_id, &ip);

	return id ? *id : -ESRCH;
}

/* The spec of the probe that fired, or NULL. */
static __always_inline
struct __bpf_usdt_spec *___ebpfj_usdt_spec(struct pt_regs *ctx)
{
	int spec_id = __bpf_usdt_spec_id(ctx);

	if (spec_id < 0)
		return NULL;
	return bpf_map_lookup_elem(&__bpf_usdt_specs, &spec_id);
}

/* The number of arguments of the probe that fired, or -ESRCH. */
__weak __hidden
int bpf_usdt_arg_cnt(struct pt_regs *ctx)
{
	struct __bpf_usdt_spec *spec = ___ebpfj_usdt_spec(ctx);

	return spec ? spec->arg_cnt : -ESRCH;
}

/*
 * The spec of argument arg_num of the probe that fired, into *arg. Returns 0, -ENOENT past the last argument,
 * or -ESRCH for an unknown probe.
 */
static __always_inline
int ___ebpfj_usdt_arg_spec(struct pt_regs *ctx, __u64 arg_num, struct __bpf_usdt_arg_spec **arg)
{
	struct __bpf_usdt_spec *spec = ___ebpfj_usdt_spec(ctx);

	if (!spec)
		return -ESRCH;
	if (arg_num >= BPF_USDT_MAX_ARG_CNT)
		return -ENOENT;
	/* keep the constant bound check above: the verifier needs it for the array index below */
	barrier_var(arg_num);
	if (arg_num >= spec->arg_cnt)
		return -ENOENT;
	*arg = &spec->args[arg_num];
	return 0;
}

/* The size in bytes of argument arg_num, -ENOENT past the last one, -ESRCH for an unknown probe. */
static __always_inline
int bpf_usdt_arg_size(struct pt_regs *ctx, __u64 arg_num)
{
	struct __bpf_usdt_arg_spec *arg;
	int err = ___ebpfj_usdt_arg_spec(ctx, arg_num, &arg);

	if (err)
		return err;
	return (unsigned int)(64 - arg->arg_bitshift) / 8;
}

/*
 * Argument arg_num of the probe that fired into *res, widened to 64 bits (sign-extended when the probe declares
 * it signed). Returns 0, -ENOENT past the last argument, -ESRCH for an unknown probe, -EINVAL for an unknown
 * location kind, or the error of a failed read.
 */
__weak __hidden
int bpf_usdt_arg(struct pt_regs *ctx, __u64 arg_num, long *res)
{
	struct __bpf_usdt_arg_spec *arg;
	unsigned long val;
	int err;

	*res = 0;
	err = ___ebpfj_usdt_arg_spec(ctx, arg_num, &arg);
	if (err)
		return err;

	switch (arg->arg_type) {
	case BPF_USDT_ARG_CONST:
		val = arg->val_off;
		break;
	case BPF_USDT_ARG_REG:
		err = bpf_probe_read_kernel(&val, sizeof(val), (void *)ctx + arg->reg_off);
		if (err)
			return err;
		break;
	case BPF_USDT_ARG_REG_DEREF:
		err = bpf_probe_read_kernel(&val, sizeof(val), (void *)ctx + arg->reg_off);
		if (err)
			return err;
		err = bpf_probe_read_user(&val, sizeof(val), (void *)val + arg->val_off);
		if (err)
			return err;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		/* the argument's bytes were read into the top of val */
		val >>= arg->arg_bitshift;
#endif
		break;
	default:
		return -EINVAL;
	}

	/* keep the argument's own bits: shift them to the top, then back with or without sign extension */
	val <<= arg->arg_bitshift;
	if (arg->arg_signed)
		val = ((long)val) >> arg->arg_bitshift;
	else
		val = val >> arg->arg_bitshift;
	*res = val;
	return 0;
}

/* The cookie given when the program was attached to this probe, or 0. */
__weak __hidden
long bpf_usdt_cookie(struct pt_regs *ctx)
{
	struct __bpf_usdt_spec *spec = ___ebpfj_usdt_spec(ctx);

	return spec ? spec->usdt_cookie : 0;
}

/* BPF_USDT(name, args...): a usdt program whose parameters are the probe's arguments, in order. */
#define ___ebpfj_usdt_arg(n) ({ long ___v; bpf_usdt_arg(ctx, n, &___v); ___v; })
#define ___bpf_usdt_args0() ctx
#define ___bpf_usdt_args1(x) ___bpf_usdt_args0(), ___ebpfj_usdt_arg(0)
#define ___bpf_usdt_args2(x, args...) ___bpf_usdt_args1(args), ___ebpfj_usdt_arg(1)
#define ___bpf_usdt_args3(x, args...) ___bpf_usdt_args2(args), ___ebpfj_usdt_arg(2)
#define ___bpf_usdt_args4(x, args...) ___bpf_usdt_args3(args), ___ebpfj_usdt_arg(3)
#define ___bpf_usdt_args5(x, args...) ___bpf_usdt_args4(args), ___ebpfj_usdt_arg(4)
#define ___bpf_usdt_args6(x, args...) ___bpf_usdt_args5(args), ___ebpfj_usdt_arg(5)
#define ___bpf_usdt_args7(x, args...) ___bpf_usdt_args6(args), ___ebpfj_usdt_arg(6)
#define ___bpf_usdt_args8(x, args...) ___bpf_usdt_args7(args), ___ebpfj_usdt_arg(7)
#define ___bpf_usdt_args9(x, args...) ___bpf_usdt_args8(args), ___ebpfj_usdt_arg(8)
#define ___bpf_usdt_args10(x, args...) ___bpf_usdt_args9(args), ___ebpfj_usdt_arg(9)
#define ___bpf_usdt_args11(x, args...) ___bpf_usdt_args10(args), ___ebpfj_usdt_arg(10)
#define ___bpf_usdt_args12(x, args...) ___bpf_usdt_args11(args), ___ebpfj_usdt_arg(11)
#define ___bpf_usdt_args(args...) ___bpf_apply(___bpf_usdt_args, ___bpf_narg(args))(args)

#define BPF_USDT(name, args...) \
	___ebpfj_prog(name, struct pt_regs *, ___bpf_usdt_args(args), ##args)

#endif /* __USDT_BPF_H__ */
