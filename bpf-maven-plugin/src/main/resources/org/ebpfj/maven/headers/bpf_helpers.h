/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Basic definitions for BPF programs, written for bpf-maven-plugin (org.ebpfj) as a drop-in for libbpf's
 * <bpf/bpf_helpers.h>: the same public names with the same meaning, so that sources written against libbpf build
 * unchanged and give the same maps, BTF and relocations.
 *
 * Include <linux/bpf.h> or "vmlinux.h" first: this header takes the integer types (__u32, __u64...) and the map
 * type constants from there.
 *
 *   SEC("name")                         ELF section of a program, map or license (what the loader looks for)
 *   __uint / __type / __array / __ulong BTF-style map definitions
 *   __ksym __kconfig __weak __hidden    symbols the loader resolves; __kptr & co. tag kernel pointers in maps
 *   __arg_ctx __arg_nonnull ...         argument tags for global (verified on their own) functions
 *   bpf_printk BPF_SEQ_PRINTF BPF_SNPRINTF bpf_stream_printk   formatted output
 *   bpf_for bpf_repeat bpf_for_each     loops over open-coded iterators (kernel 6.4+)
 *   bpf_ksym_exists bpf_tail_call_static likely unlikely barrier barrier_var KERNEL_VERSION ...
 *
 * The include guard is libbpf's, so that a mixture of libbpf's and these headers never defines anything twice.
 */
#ifndef __BPF_HELPERS__
#define __BPF_HELPERS__

#include "bpf_helper_defs.h"

/*
 * BTF-style map definitions. The loader reads a map's properties from the BTF of its variable in ".maps", so
 * each property is encoded in a member's type, never in a value:
 *   __uint(max_entries, 64)   a pointer to an array of 64 ints: the array length is the number
 *   __type(key, __u32)        a pointer to the key type: the pointee is the type
 *   __array(values, struct x) an array of pointers to the inner map's definition (map-in-map, prog arrays)
 *   __ulong(map_extra, v)     a 64-bit number, kept as the value of a one-constant enum (BTF keeps 64 bits)
 */
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define __array(name, val) typeof(val) *name[]
/* The enumerator needs a unique name; libbpf's spelling is kept because it ends up in the object's BTF. */
#define __ulong(name, val) enum { ___bpf_concat(__unique_value, __COUNTER__) = val } name

#ifndef likely
#define likely(x) (__builtin_expect(!!(x), 1))
#endif
#ifndef unlikely
#define unlikely(x) (__builtin_expect(!!(x), 0))
#endif

/*
 * Places a program, a map or the license in the named ELF section and keeps the compiler from dropping it when
 * nothing in the file refers to it. GCC warns about "used" on some declarations; clang does not need the pragma
 * but accepts it.
 */
#if __GNUC__ && !__clang__
#define SEC(name) __attribute__((section(name), used))
#else
#define SEC(name) \
	_Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wignored-attributes\"") \
	__attribute__((section(name), used)) \
	_Pragma("GCC diagnostic pop")
#endif

/* linux/stddef.h defines __always_inline without "inline"; BPF code needs both. */
#undef __always_inline
#define __always_inline inline __attribute__((always_inline))
#ifndef __noinline
#define __noinline __attribute__((noinline))
#endif
#ifndef __weak
#define __weak __attribute__((weak))
#endif

/* A global function that stays out of the object's exported symbols (libbpf then may link it statically). */
#define __hidden __attribute__((visibility("hidden")))

/* vmlinux.h does not define NULL and a BPF program has no libc. */
#ifndef NULL
#define NULL ((void *)0)
#endif

/* The kernel's version code: the patch level saturates at 255, as LINUX_VERSION_CODE does. */
#ifndef KERNEL_VERSION
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#endif

/*
 * offsetof through a null pointer rather than __builtin_offsetof: only the member access form is recorded as a
 * CO-RE relocation when the type has preserve_access_index, so the offset follows the running kernel.
 */
#undef offsetof
#define offsetof(type, member) ((unsigned long)&((type *)0)->member)

#undef container_of
#define container_of(ptr, type, member) \
	({ \
		void *__mptr = (void *)(ptr); \
		((type *)(__mptr - offsetof(type, member))); \
	})

/* Stops the compiler from moving memory accesses across this point. */
#ifndef barrier
#define barrier() asm volatile("" ::: "memory")
#endif

/*
 * Makes the compiler forget what it knows about one variable (e.g. its bounds), so that it keeps a check the
 * verifier needs instead of folding it away.
 */
#ifndef barrier_var
#define barrier_var(var) asm volatile("" : "+r"(var))
#endif

/* Marks code that cannot be reached; the verifier rejects a program that could reach it. */
#ifndef __bpf_unreachable
#define __bpf_unreachable() __builtin_trap()
#endif

/*
 * A tail call whose map and slot the verifier sees as constants at the call, which lets the x86 JIT patch a
 * direct jump. The registers are set in one asm block so that clang cannot merge calls from different paths.
 */
#if (defined(__clang__) && __clang_major__ >= 8) || (!defined(__clang__) && __GNUC__ > 12)
#if defined(__bpf__)
static __always_inline void
bpf_tail_call_static(void *ctx, const void *map, const __u32 slot)
{
	if (!__builtin_constant_p(slot))
		__bpf_unreachable();
	/* r0..r5 are the caller-saved registers of a BPF call: all of them are clobbered. */
	asm volatile("r1 = %[ctx]\n\t"
		     "r2 = %[map]\n\t"
		     "r3 = %[slot]\n\t"
		     "call 12"
		     :: [ctx]"r"(ctx), [map]"r"(map), [slot]"i"(slot)
		     : "r0", "r1", "r2", "r3", "r4", "r5");
}
#endif
#endif

/* Values of a map's "pinning" property. */
enum libbpf_pin_type {
	LIBBPF_PIN_NONE,
	/* pin under /sys/fs/bpf/<map name> (or the object's pin root) */
	LIBBPF_PIN_BY_NAME,
};

/* Values of a tristate CONFIG_ option read through __kconfig. */
enum libbpf_tristate {
	TRI_NO = 0,
	TRI_YES = 1,
	TRI_MODULE = 2,
};

/* A CONFIG_* value (or LINUX_KERNEL_VERSION, LINUX_HAS_...) the loader fills in from the running kernel. */
#define __kconfig __attribute__((section(".kconfig")))
/* A kernel variable or kfunc the loader resolves against the running kernel's BTF. */
#define __ksym __attribute__((section(".ksyms")))
/* Kernel pointers stored in map values: referenced (kptr), unreferenced (kptr_untrusted), per-CPU, user memory. */
#define __kptr_untrusted __attribute__((btf_type_tag("kptr_untrusted")))
#define __kptr __attribute__((btf_type_tag("kptr")))
#define __percpu_kptr __attribute__((btf_type_tag("percpu_kptr")))
#define __uptr __attribute__((btf_type_tag("uptr")))

/*
 * Whether the running kernel has the weak __ksym 'sym' (the loader sets a missing weak ksym to 0). The assertion
 * refuses a symbol that is not weak: its address would be a constant, and the test always true.
 */
#if defined(__clang__)
#define bpf_ksym_exists(sym) ({ \
	_Static_assert(!__builtin_constant_p(!!sym), #sym " should be marked as __weak"); \
	!!sym; \
})
#elif __GNUC__ > 8
#define bpf_ksym_exists(sym) ({ \
	_Static_assert(__builtin_has_attribute (*sym, __weak__), #sym " should be marked as __weak"); \
	!!sym; \
})
#else
#define bpf_ksym_exists(sym) !!sym
#endif

/*
 * Tags on the arguments of a global function, which the verifier checks without its callers: the program's
 * context, a pointer that is never NULL, one that may be, a trusted/untrusted kernel pointer, an arena pointer.
 */
#define __arg_ctx __attribute__((btf_decl_tag("arg:ctx")))
#define __arg_nonnull __attribute((btf_decl_tag("arg:nonnull")))
#define __arg_nullable __attribute((btf_decl_tag("arg:nullable")))
#define __arg_trusted __attribute((btf_decl_tag("arg:trusted")))
#define __arg_untrusted __attribute((btf_decl_tag("arg:untrusted")))
#define __arg_arena __attribute((btf_decl_tag("arg:arena")))

/*
 * Macro plumbing shared with bpf_tracing.h and usdt.bpf.h (and used by some sources directly):
 * ___bpf_narg(args...) counts 0..12 arguments, ___bpf_apply(fn, n) pastes fn and n.
 */
#ifndef ___bpf_concat
#define ___bpf_concat(a, b) a ## b
#endif
#ifndef ___bpf_apply
#define ___bpf_apply(fn, n) ___bpf_concat(fn, n)
#endif
#ifndef ___bpf_nth
#define ___bpf_nth(_, _1, _2, _3, _4, _5, _6, _7, _8, _9, _a, _b, _c, N, ...) N
#endif
#ifndef ___bpf_narg
#define ___bpf_narg(...) \
	___bpf_nth(_, ##__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#endif

/*
 * Recursion over a macro's arguments, for lists whose elements depend on the ones before them (the read chains of
 * bpf_core_read.h, BPF_PROG2's slots in bpf_tracing.h). A macro cannot expand inside its own expansion, so a step
 * ends with "step_again ___ebpfj_parens (rest)": the name meets its parentheses only on the next scan, and
 * ___ebpfj_rescan scans its argument 4 * 4 * 4 = 64 times and more, one step per scan.
 */
#define ___ebpfj_parens ()
#define ___ebpfj_rescan(...) ___ebpfj_rescan16(___ebpfj_rescan16(___ebpfj_rescan16(___ebpfj_rescan16(__VA_ARGS__))))
#define ___ebpfj_rescan16(...) ___ebpfj_rescan4(___ebpfj_rescan4(___ebpfj_rescan4(___ebpfj_rescan4(__VA_ARGS__))))
#define ___ebpfj_rescan4(...) ___ebpfj_rescan1(___ebpfj_rescan1(___ebpfj_rescan1(___ebpfj_rescan1(__VA_ARGS__))))
#define ___ebpfj_rescan1(...) __VA_ARGS__
/* The first argument: ___ebpfj_head(__VA_OPT__(a,) b, ) is a when __VA_ARGS__ has tokens, b when it has none. */
#define ___ebpfj_head(x, ...) x

/* arr[0] = first; arr[1] = second; ... for up to 12 values (the value arrays of the printf-like helpers). */
#define ___bpf_fill0(arr, p, x) do {} while (0)
#define ___bpf_fill1(arr, p, x) arr[p] = x
#define ___bpf_fill2(arr, p, x, args...) arr[p] = x; ___bpf_fill1(arr, p + 1, args)
#define ___bpf_fill3(arr, p, x, args...) arr[p] = x; ___bpf_fill2(arr, p + 1, args)
#define ___bpf_fill4(arr, p, x, args...) arr[p] = x; ___bpf_fill3(arr, p + 1, args)
#define ___bpf_fill5(arr, p, x, args...) arr[p] = x; ___bpf_fill4(arr, p + 1, args)
#define ___bpf_fill6(arr, p, x, args...) arr[p] = x; ___bpf_fill5(arr, p + 1, args)
#define ___bpf_fill7(arr, p, x, args...) arr[p] = x; ___bpf_fill6(arr, p + 1, args)
#define ___bpf_fill8(arr, p, x, args...) arr[p] = x; ___bpf_fill7(arr, p + 1, args)
#define ___bpf_fill9(arr, p, x, args...) arr[p] = x; ___bpf_fill8(arr, p + 1, args)
#define ___bpf_fill10(arr, p, x, args...) arr[p] = x; ___bpf_fill9(arr, p + 1, args)
#define ___bpf_fill11(arr, p, x, args...) arr[p] = x; ___bpf_fill10(arr, p + 1, args)
#define ___bpf_fill12(arr, p, x, args...) arr[p] = x; ___bpf_fill11(arr, p + 1, args)
#define ___bpf_fill(arr, args...) \
	___bpf_apply(___bpf_fill, ___bpf_narg(args))(arr, 0, args)

/*
 * The printf-like helpers take the values as an array of u64. The format string is a static constant (in
 * .rodata); its name, ___fmt, is libbpf's because it ends up in the object's BTF. Pointers are passed as
 * numbers, hence the -Wint-conversion silence.
 */
#define ___bpf_pack_args(params, args...) \
	unsigned long long params[___bpf_narg(args)]; \
	_Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
	___bpf_fill(params, args); \
	_Pragma("GCC diagnostic pop")

/* Writes to a seq_file from an iterator program (bpf_seq_printf). */
#define BPF_SEQ_PRINTF(seq, fmt, args...) \
({ \
	static const char ___fmt[] = fmt; \
	___bpf_pack_args(___param, args) \
	bpf_seq_printf(seq, ___fmt, sizeof(___fmt), ___param, sizeof(___param)); \
})

/* snprintf into out (bpf_snprintf, kernel 5.13+): returns the length the whole text needs, with its NUL. */
#define BPF_SNPRINTF(out, out_size, fmt, args...) \
({ \
	static const char ___fmt[] = fmt; \
	___bpf_pack_args(___param, args) \
	bpf_snprintf(out, out_size, ___fmt, ___param, sizeof(___param)); \
})

/*
 * Where bpf_printk keeps its format: a static constant, or, with -DBPF_NO_GLOBAL_DATA (kernels before 5.2
 * have no global data), an array on the stack.
 */
#ifdef BPF_NO_GLOBAL_DATA
#define BPF_PRINTK_FMT_MOD
#else
#define BPF_PRINTK_FMT_MOD static const
#endif

/* Up to three values: bpf_trace_printk, available on every kernel. */
#define __bpf_printk(fmt, ...) \
({ \
	BPF_PRINTK_FMT_MOD char ____fmt[] = fmt; \
	bpf_trace_printk(____fmt, sizeof(____fmt), ##__VA_ARGS__); \
})

/* More than three values: bpf_trace_vprintk (kernel 5.16+). */
#define __bpf_vprintk(fmt, args...) \
({ \
	static const char ___fmt[] = fmt; \
	___bpf_pack_args(___param, args) \
	bpf_trace_vprintk(___fmt, sizeof(___fmt), ___param, sizeof(___param)); \
})

/* Formatted output into a BPF stream (kfunc bpf_stream_vprintk, declared by a recent vmlinux.h). */
#define bpf_stream_printk(stream_id, fmt, args...) \
({ \
	static const char ___fmt[] = fmt; \
	___bpf_pack_args(___param, args) \
	bpf_stream_vprintk(stream_id, ___fmt, ___param, sizeof(___param)); \
})

/* The printk flavour by the number of values: 0..3 -> __bpf_printk, 4..12 -> __bpf_vprintk. */
#define ___bpf_pick_printk(...) \
	___bpf_nth(_, ##__VA_ARGS__, __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, \
		   __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, \
		   __bpf_printk, __bpf_printk, __bpf_printk, __bpf_printk)

/* printf-style output to /sys/kernel/tracing/trace_pipe. */
#define bpf_printk(fmt, args...) ___bpf_pick_printk(args)(fmt, ##args)

/* The numbers iterator (kfuncs, kernel 6.4+) behind bpf_for and bpf_repeat. */
struct bpf_iter_num;

extern int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end) __weak __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num *it) __weak __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num *it) __weak __ksym;

/*
 * The three parts every iterator loop shares: an 8-byte aligned iterator on the stack whose destroy kfunc runs
 * when the loop's scope ends (cleanup attribute), and a dummy pointer whose initializer calls the new kfunc
 * once. Naming the destroy function in that initializer makes clang emit its BTF, which it forgets for
 * functions named only in a cleanup attribute.
 */
#define ___bpf_iter_begin(type, new_call) \
	struct bpf_iter_##type ___it __attribute__((aligned(8), cleanup(bpf_iter_##type##_destroy))), \
		*___p __attribute__((unused)) = (new_call, (void)bpf_iter_##type##_destroy, (void *)0)

/*
 * bpf_for_each(type, cur, args...): for each element of an open-coded iterator bpf_iter_<type> created with
 * bpf_iter_<type>_new(&it, args...), set cur to bpf_iter_<type>_next(&it) until it returns NULL.
 */
#ifndef bpf_for_each
#define bpf_for_each(type, cur, args...) for ( \
	___bpf_iter_begin(type, bpf_iter_##type##_new(&___it, ##args)); \
	(((cur) = bpf_iter_##type##_next(&___it))); \
)
#endif

/*
 * bpf_for(i, start, end): i from start up to end (excluded). The bounds are checked again on each step so that
 * the verifier knows the range of i inside the body.
 */
#ifndef bpf_for
#define bpf_for(i, start, end) for ( \
	___bpf_iter_begin(num, bpf_iter_num_new(&___it, (start), (end))); \
	({ \
		int *___t = bpf_iter_num_next(&___it); \
		(___t && ((i) = *___t, (i) >= (start) && (i) < (end))); \
	}); \
)
#endif

/* bpf_repeat(N): the body N times, without an index. */
#ifndef bpf_repeat
#define bpf_repeat(N) for ( \
	___bpf_iter_begin(num, bpf_iter_num_new(&___it, 0, (N))); \
	bpf_iter_num_next(&___it); \
)
#endif

#endif /* __BPF_HELPERS__ */
