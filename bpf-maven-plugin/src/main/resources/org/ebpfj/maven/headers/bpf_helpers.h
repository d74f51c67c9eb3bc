/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Basic definitions for BPF programs, written for bpf-maven-plugin (org.ebpfj).
 *
 * Include <linux/bpf.h> or "vmlinux.h" first: this header takes the integer types (__u32, __u64...) and the
 * map type constants from there. It provides the macros libbpf-style sources use: SEC, the BTF map-definition
 * macros (__uint, __type, __array), attributes (__always_inline, __weak, __hidden, __ksym, __kconfig),
 * bpf_printk, barriers and branch hints, and the helper declarations from bpf_helper_defs.h.
 */
#ifndef EBPFJ_BPF_HELPERS_H
#define EBPFJ_BPF_HELPERS_H

#include "bpf_helper_defs.h"

/*
 * Places a program, a map or the license in the ELF section the loader looks for, and keeps clang from
 * dropping it when nothing in the file refers to it.
 */
#define SEC(name) __attribute__((section(name), used))

/*
 * BTF-style map definitions. The loader reads the map's properties from the BTF of the .maps variable, so each
 * property is encoded in a member's type, never in a value:
 *   __uint(max_entries, 64)   -> a pointer to an array of 64 ints; the array length is the number
 *   __type(key, __u32)        -> a pointer to the key type; the pointee is the type
 *   __array(values, struct x) -> an array of pointers to the inner map's definition (map-in-map)
 */
#define __uint(name, val) int (*name)[val]
#define __type(name, val) __typeof__(val) *name
#define __array(name, val) __typeof__(val) *name[]
/* A 64-bit property (e.g. map_extra): encoded as an enum constant's value, which BTF keeps at full width. */
#define __ebpfj_concat(a, b) a##b
#define __ebpfj_concat2(a, b) __ebpfj_concat(a, b)
#define __ulong(name, val) enum { __ebpfj_concat2(__ebpfj_ulong_, __COUNTER__) = val } name

#ifndef NULL
#define NULL ((void *)0)
#endif

/* Attributes. Each is guarded so that a vmlinux.h or user header that already has one wins. */
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#ifndef __noinline
#define __noinline __attribute__((noinline))
#endif
#ifndef __weak
#define __weak __attribute__((weak))
#endif
/* A global function the verifier checks on its own (a BPF subprogram), invisible outside the object. */
#ifndef __hidden
#define __hidden __attribute__((visibility("hidden")))
#endif
/* A kernel symbol (variable or kfunc) the loader resolves against the running kernel's BTF. */
#ifndef __ksym
#define __ksym __attribute__((section(".ksyms")))
#endif
/* A CONFIG_* value the loader fills in from the running kernel's configuration. */
#ifndef __kconfig
#define __kconfig __attribute__((section(".kconfig")))
#endif
#ifndef __ebpfj_has_type_tag
#if defined(__has_attribute)
#if __has_attribute(btf_type_tag)
#define __ebpfj_has_type_tag 1
#endif
#endif
#endif
#if defined(__ebpfj_has_type_tag)
#ifndef __kptr
#define __kptr __attribute__((btf_type_tag("kptr")))
#endif
#ifndef __kptr_untrusted
#define __kptr_untrusted __attribute__((btf_type_tag("kptr_untrusted")))
#endif
#ifndef __percpu_kptr
#define __percpu_kptr __attribute__((btf_type_tag("percpu_kptr")))
#endif
#endif

#ifndef offsetof
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif
#ifndef container_of
#define container_of(ptr, type, member) \
	((type *)((void *)(ptr) - offsetof(type, member)))
#endif

/* Branch hints and compiler barriers. */
#ifndef likely
#define likely(x) __builtin_expect(!!(x), 1)
#endif
#ifndef unlikely
#define unlikely(x) __builtin_expect(!!(x), 0)
#endif
/* Stops clang from moving memory accesses across this point. */
#ifndef barrier
#define barrier() __asm__ __volatile__("" : : : "memory")
#endif
/* Makes clang forget what it knows about a variable, e.g. to keep a bounds check the verifier needs. */
#ifndef barrier_var
#define barrier_var(var) __asm__ __volatile__("" : "+r"(var))
#endif
#ifndef __bpf_unreachable
#define __bpf_unreachable() __builtin_trap()
#endif

/*
 * True when the running kernel has the weak __ksym 'sym' (the loader sets missing weak ksyms to 0).
 * The assertion rejects non-weak symbols, for which the check would always be true.
 */
#ifndef bpf_ksym_exists
#define bpf_ksym_exists(sym) ({ \
	_Static_assert(!__builtin_constant_p(!!(sym)), #sym " should be marked as __weak"); \
	!!(sym); \
})
#endif

/* Counts 0..12 macro arguments; used to pick bpf_trace_printk (up to 3 values) or bpf_trace_vprintk. */
#define __ebpfj_nth(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, N, ...) N
#define __ebpfj_narg(...) __ebpfj_nth(_, ##__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define __ebpfj_printk_kind(...) \
	__ebpfj_nth(_, ##__VA_ARGS__, v, v, v, v, v, v, v, v, v, s, s, s, s)

/* bpf_trace_printk takes at most three values after the format. */
#define __ebpfj_printk_s(fmt, args...) ({ \
	static const char __ebpfj_fmt[] = fmt; \
	bpf_trace_printk(__ebpfj_fmt, sizeof(__ebpfj_fmt), ##args); \
})
/* bpf_trace_vprintk (kernel 5.16+) takes the values as an array of u64. */
#define __ebpfj_printk_v(fmt, args...) ({ \
	static const char __ebpfj_fmt[] = fmt; \
	unsigned long long __ebpfj_vals[] = { args }; \
	bpf_trace_vprintk(__ebpfj_fmt, sizeof(__ebpfj_fmt), __ebpfj_vals, sizeof(__ebpfj_vals)); \
})
#define __ebpfj_printk_pick(kind) __ebpfj_printk_##kind
#define __ebpfj_printk_select(kind) __ebpfj_printk_pick(kind)

/* printf-style output to /sys/kernel/tracing/trace_pipe. */
#define bpf_printk(fmt, args...) __ebpfj_printk_select(__ebpfj_printk_kind(args))(fmt, ##args)

#endif /* EBPFJ_BPF_HELPERS_H */
