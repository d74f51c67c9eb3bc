/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CO-RE (compile once, run everywhere) reads for BPF programs, written for bpf-maven-plugin (org.ebpfj) as a
 * drop-in for libbpf's <bpf/bpf_core_read.h>.
 *
 * clang records every field access made inside __builtin_preserve_access_index (or on a type marked
 * preserve_access_index, as vmlinux.h's are) as a relocation in .BTF.ext; the loader rewrites offsets, sizes and
 * existence checks for the running kernel. The builtins and the numbers they take are clang's BPF CO-RE
 * interface.
 *
 *   bpf_core_read(dst, sz, src) / _user / _str / _user_str   one relocated read of sz bytes at src
 *   BPF_CORE_READ(src, a, b, c)                 src->a->b->c, each pointer step a relocated kernel read
 *   BPF_CORE_READ_INTO(&dst, src, a, b, c)      the same into dst (sizeof(*dst) bytes)
 *   BPF_CORE_READ_STR_INTO(&buf, src, a, b)     the last step reads a NUL-terminated string
 *   BPF_CORE_READ_USER*, BPF_PROBE_READ*        user memory / without relocations
 *   BPF_CORE_READ_BITFIELD(s, f)                a bitfield from memory the program may read directly
 *   BPF_CORE_READ_BITFIELD_PROBED(s, f)         a bitfield through bpf_probe_read_kernel
 *   BPF_CORE_WRITE_BITFIELD(s, f, v)            store into a bitfield the program may write directly
 *   bpf_core_field_exists/size/offset(s->f or type, f)
 *   bpf_core_type_exists/size/matches/id_local/id_kernel(type)
 *   bpf_core_enum_value_exists/bpf_core_enum_value(enum type, VALUE)
 *   bpf_core_cast(ptr, type)                    a read-only typed view of a kernel pointer (bpf_rdonly_cast)
 *
 * A chain step may be any member designator: BPF_CORE_READ(t, mm, arg_start), BPF_CORE_READ(s, a.b, c[1]).
 */
#ifndef __BPF_CORE_READ_H__
#define __BPF_CORE_READ_H__

#include "bpf_helpers.h"

/* What __builtin_preserve_field_info asks of the running kernel. */
enum bpf_field_info_kind {
	BPF_FIELD_BYTE_OFFSET = 0,	/* byte offset of the field (of its storage unit for a bitfield) */
	BPF_FIELD_BYTE_SIZE = 1,	/* size of the field (of its storage unit for a bitfield) */
	BPF_FIELD_EXISTS = 2,		/* 1 when the field exists */
	BPF_FIELD_SIGNED = 3,		/* 1 when the field is signed */
	BPF_FIELD_LSHIFT_U64 = 4,	/* left shift that puts a bitfield's top bit at bit 63 */
	BPF_FIELD_RSHIFT_U64 = 5,	/* right shift that then puts its lowest bit at bit 0 */
};

/* The second argument of __builtin_btf_type_id. */
enum bpf_type_id_kind {
	BPF_TYPE_ID_LOCAL = 0,		/* id in the program's own BTF */
	BPF_TYPE_ID_TARGET = 1,		/* id in the running kernel's BTF */
};

/* The second argument of __builtin_preserve_type_info. */
enum bpf_type_info_kind {
	BPF_TYPE_EXISTS = 0,		/* the kernel has a type of that name and kind */
	BPF_TYPE_SIZE = 1,		/* its size in the kernel */
	BPF_TYPE_MATCHES = 2,		/* its layout matches the local definition */
};

/* The second argument of __builtin_preserve_enum_value. */
enum bpf_enum_value_kind {
	BPF_ENUMVAL_EXISTS = 0,		/* the kernel's enum has that enumerator */
	BPF_ENUMVAL_VALUE = 1,		/* the enumerator's value in the kernel */
};

/* One piece of field information about src->field, relocated. */
#define __CORE_RELO(src, field, info) \
	__builtin_preserve_field_info((src)->field, BPF_FIELD_##info)

/*
 * Reads the storage unit of a bitfield into the u64 at dst. LSHIFT_U64 assumes the bytes sit in the low-order
 * end of the u64, which on big-endian machines is its end.
 */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define __CORE_BITFIELD_PROBE_READ(dst, src, fld) \
	bpf_probe_read_kernel((void *)dst, __CORE_RELO(src, fld, BYTE_SIZE), \
			      (const void *)src + __CORE_RELO(src, fld, BYTE_OFFSET))
#else
#define __CORE_BITFIELD_PROBE_READ(dst, src, fld) \
	bpf_probe_read_kernel((void *)dst + (8 - __CORE_RELO(src, fld, BYTE_SIZE)), \
			      __CORE_RELO(src, fld, BYTE_SIZE), \
			      (const void *)src + __CORE_RELO(src, fld, BYTE_OFFSET))
#endif

/* Moves the bitfield in the u64 val to bit 0, sign-extending it when the kernel says it is signed. */
#define ___bpf_bitfield_extract(val, s, field) \
	do { \
		val <<= __CORE_RELO(s, field, LSHIFT_U64); \
		if (__CORE_RELO(s, field, SIGNED)) \
			val = ((long long)val) >> __CORE_RELO(s, field, RSHIFT_U64); \
		else \
			val = val >> __CORE_RELO(s, field, RSHIFT_U64); \
	} while (0)

/* A bitfield (or any integer field) of a struct the program cannot dereference: read with a probe. */
#define BPF_CORE_READ_BITFIELD_PROBED(s, field) ({ \
	unsigned long long ___bf_val = 0; \
	__CORE_BITFIELD_PROBE_READ(&___bf_val, s, field); \
	___bpf_bitfield_extract(___bf_val, s, field); \
	___bf_val; \
})

/*
 * A bitfield (or any integer field) of memory the program may read directly (e.g. a tp_btf argument). The asm
 * hides the pointer's origin from clang, which would otherwise merge the relocated offset into the loads.
 */
#define BPF_CORE_READ_BITFIELD(s, field) ({ \
	const void *___bf_p = (const void *)s + __CORE_RELO(s, field, BYTE_OFFSET); \
	unsigned long long ___bf_val; \
	asm volatile("" : "=r"(___bf_p) : "0"(___bf_p)); \
	switch (__CORE_RELO(s, field, BYTE_SIZE)) { \
	case 1: ___bf_val = *(const unsigned char *)___bf_p; break; \
	case 2: ___bf_val = *(const unsigned short *)___bf_p; break; \
	case 4: ___bf_val = *(const unsigned int *)___bf_p; break; \
	case 8: ___bf_val = *(const unsigned long long *)___bf_p; break; \
	default: ___bf_val = 0; break; \
	} \
	___bpf_bitfield_extract(___bf_val, s, field); \
	___bf_val; \
})

/* Stores new_val into a bitfield of memory the program may write directly, leaving its neighbours alone. */
#define BPF_CORE_WRITE_BITFIELD(s, field, new_val) ({ \
	void *___bf_p = (void *)s + __CORE_RELO(s, field, BYTE_OFFSET); \
	unsigned int ___bf_size = __CORE_RELO(s, field, BYTE_SIZE); \
	unsigned int ___bf_lshift = __CORE_RELO(s, field, LSHIFT_U64); \
	unsigned int ___bf_rshift = __CORE_RELO(s, field, RSHIFT_U64); \
	unsigned long long ___bf_mask, ___bf_val, ___bf_new = new_val; \
	unsigned int ___bf_rpad = ___bf_rshift - ___bf_lshift; \
	asm volatile("" : "+r"(___bf_p)); \
	switch (___bf_size) { \
	case 1: ___bf_val = *(unsigned char *)___bf_p; break; \
	case 2: ___bf_val = *(unsigned short *)___bf_p; break; \
	case 4: ___bf_val = *(unsigned int *)___bf_p; break; \
	case 8: ___bf_val = *(unsigned long long *)___bf_p; break; \
	} \
	___bf_mask = (~0ULL << ___bf_rshift) >> ___bf_lshift; \
	___bf_val = (___bf_val & ~___bf_mask) | ((___bf_new << ___bf_rpad) & ___bf_mask); \
	switch (___bf_size) { \
	case 1: *(unsigned char *)___bf_p = ___bf_val; break; \
	case 2: *(unsigned short *)___bf_p = ___bf_val; break; \
	case 4: *(unsigned int *)___bf_p = ___bf_val; break; \
	case 8: *(unsigned long long *)___bf_p = ___bf_val; break; \
	} \
})

/* A null pointer of the given type, the operand the type builtins take. */
#define ___bpf_typeof(type) ((typeof(type) *)0)

/* "s->f" as it is, or "type, f" as a member of a null pointer of that type. */
#define ___bpf_field_ref1(field) (field)
#define ___bpf_field_ref2(type, field) (___bpf_typeof(type)->field)
#define ___bpf_field_ref(args...) ___bpf_apply(___bpf_field_ref, ___bpf_narg(args))(args)

/* 1 when the running kernel has the field: bpf_core_field_exists(p->f) or bpf_core_field_exists(struct t, f). */
#define bpf_core_field_exists(field...) \
	__builtin_preserve_field_info(___bpf_field_ref(field), BPF_FIELD_EXISTS)
/* The field's size in the running kernel. */
#define bpf_core_field_size(field...) \
	__builtin_preserve_field_info(___bpf_field_ref(field), BPF_FIELD_BYTE_SIZE)
/* The field's byte offset in the running kernel. */
#define bpf_core_field_offset(field...) \
	__builtin_preserve_field_info(___bpf_field_ref(field), BPF_FIELD_BYTE_OFFSET)

/* The type's id in the program's BTF / in the running kernel's BTF. */
#define bpf_core_type_id_local(type) \
	__builtin_btf_type_id(*___bpf_typeof(type), BPF_TYPE_ID_LOCAL)
#define bpf_core_type_id_kernel(type) \
	__builtin_btf_type_id(*___bpf_typeof(type), BPF_TYPE_ID_TARGET)
/* 1 when the running kernel has the type / has it with a matching layout; its size there. */
#define bpf_core_type_exists(type) \
	__builtin_preserve_type_info(*___bpf_typeof(type), BPF_TYPE_EXISTS)
#define bpf_core_type_matches(type) \
	__builtin_preserve_type_info(*___bpf_typeof(type), BPF_TYPE_MATCHES)
#define bpf_core_type_size(type) \
	__builtin_preserve_type_info(*___bpf_typeof(type), BPF_TYPE_SIZE)

/* 1 when the kernel's enum has the enumerator / its value there (enum_type: "enum x" or a typedef of one). */
#define bpf_core_enum_value_exists(enum_type, enum_value) \
	__builtin_preserve_enum_value(*(typeof(enum_type) *)enum_value, BPF_ENUMVAL_EXISTS)
#define bpf_core_enum_value(enum_type, enum_value) \
	__builtin_preserve_enum_value(*(typeof(enum_type) *)enum_value, BPF_ENUMVAL_VALUE)

/* One relocated read: src is a field address expression, e.g. &t->pid. */
#define bpf_core_read(dst, sz, src) \
	bpf_probe_read_kernel(dst, sz, (const void *)__builtin_preserve_access_index(src))
#define bpf_core_read_user(dst, sz, src) \
	bpf_probe_read_user(dst, sz, (const void *)__builtin_preserve_access_index(src))
#define bpf_core_read_str(dst, sz, src) \
	bpf_probe_read_kernel_str(dst, sz, (const void *)__builtin_preserve_access_index(src))
#define bpf_core_read_user_str(dst, sz, src) \
	bpf_probe_read_user_str(dst, sz, (const void *)__builtin_preserve_access_index(src))

/* kfunc (kernel 6.4+): the same pointer, which the verifier then treats as a read-only btf_id of that type. */
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym __weak;

#define bpf_core_cast(ptr, type) \
	((typeof(type) *)bpf_rdonly_cast((ptr), bpf_core_type_id_kernel(type)))

/* ---- the read chains ---------------------------------------------------------------------------------- */

/*
 * The type of a chain's value, without qualifiers (clang 19+ has typeof_unqual): that of ((src)->a)->b ...,
 * built one field at a time (___ebpfj_rescan, bpf_helpers.h).
 */
#define ___ebpfj_arrow_step(p, a, ...) \
	___ebpfj_head(__VA_OPT__(___ebpfj_arrow_through,) ___ebpfj_arrow_last, )((p)->a, __VA_ARGS__)
#define ___ebpfj_arrow_again() ___ebpfj_arrow_step
#define ___ebpfj_arrow_through(p, ...) ___ebpfj_arrow_again ___ebpfj_parens (p, __VA_ARGS__)
#define ___ebpfj_arrow_last(p, ...) p
#define ___ebpfj_arrow(src, ...) ___ebpfj_rescan(___ebpfj_arrow_step(src, __VA_ARGS__))

#if (defined(__clang__) && __clang_major__ >= 19) || (!defined(__clang__) && __GNUC__ >= 14)
#define ___ebpfj_value_type(src, ...) __typeof_unqual__(___ebpfj_arrow(src, __VA_ARGS__))
#else
#define ___ebpfj_value_type(src, ...) typeof(___ebpfj_arrow(src, __VA_ARGS__))
#endif

/*
 * The chain p->a->b->...->z: each step but the last reads the pointer stored in the current field (with the
 * pointer reader rd_ptr) into a local of that field's type; the last reads sizeof(*dst) bytes of the last field
 * into dst (with rd, which may be a string reader). The read address is always &(local)->field, so clang
 * records one relocation per step, on the type the step goes through. The locals are ___ebpfj_p, ___ebpfj_p_,
 * ___ebpfj_p__, ...: each step pastes one more "_" onto the name it got, so steps nest without clashes.
 */
#define ___ebpfj_chain_step(rd, rd_ptr, dst, p, local, a, ...) \
	___ebpfj_head(__VA_OPT__(___ebpfj_chain_through,) ___ebpfj_chain_last, ) \
		(rd, rd_ptr, dst, p, local, a, __VA_ARGS__)
#define ___ebpfj_chain_again() ___ebpfj_chain_step
#define ___ebpfj_chain_through(rd, rd_ptr, dst, p, local, a, ...) \
	typeof((p)->a) local; \
	rd_ptr((void *)&local, sizeof(local), &(p)->a); \
	___ebpfj_chain_again ___ebpfj_parens (rd, rd_ptr, dst, local, local##_, __VA_ARGS__)
#define ___ebpfj_chain_last(rd, rd_ptr, dst, p, local, a, ...) \
	rd((void *)(dst), sizeof(*(dst)), &(p)->a);
#define ___ebpfj_chain(rd, rd_ptr, dst, src, ...) \
	___ebpfj_rescan(___ebpfj_chain_step(rd, rd_ptr, dst, src, ___ebpfj_p, __VA_ARGS__))

/*
 * The value of the chain into *dst: the pointers on the way read with rd_ptr, the last field with rd_ptr##str,
 * which is rd_ptr itself (str empty) or its string reader (str "_str": bpf_core_read_str, ...).
 */
#define ___ebpfj_into(rd_ptr, str, dst, src, ...) ({ ___ebpfj_chain(rd_ptr##str, rd_ptr, dst, (src), __VA_ARGS__) })
#define BPF_CORE_READ_INTO(dst, src, a, ...) \
	___ebpfj_into(bpf_core_read, , dst, src, a, ##__VA_ARGS__)
#define BPF_CORE_READ_USER_INTO(dst, src, a, ...) \
	___ebpfj_into(bpf_core_read_user, , dst, src, a, ##__VA_ARGS__)
#define BPF_PROBE_READ_INTO(dst, src, a, ...) \
	___ebpfj_into(bpf_probe_read_kernel, , dst, src, a, ##__VA_ARGS__)
#define BPF_PROBE_READ_USER_INTO(dst, src, a, ...) \
	___ebpfj_into(bpf_probe_read_user, , dst, src, a, ##__VA_ARGS__)

/* The string the chain ends at into *dst (the pointers on the way are read as kernel/user pointers). */
#define BPF_CORE_READ_STR_INTO(dst, src, a, ...) \
	___ebpfj_into(bpf_core_read, _str, dst, src, a, ##__VA_ARGS__)
#define BPF_CORE_READ_USER_STR_INTO(dst, src, a, ...) \
	___ebpfj_into(bpf_core_read_user, _str, dst, src, a, ##__VA_ARGS__)
#define BPF_PROBE_READ_STR_INTO(dst, src, a, ...) \
	___ebpfj_into(bpf_probe_read_kernel, _str, dst, src, a, ##__VA_ARGS__)
#define BPF_PROBE_READ_USER_STR_INTO(dst, src, a, ...) \
	___ebpfj_into(bpf_probe_read_user, _str, dst, src, a, ##__VA_ARGS__)

/* The value of the chain, read into a local of its type with one of the *_INTO macros. */
#define ___ebpfj_value(into, src, ...) ({ \
	___ebpfj_value_type((src), __VA_ARGS__) __r; \
	into(&__r, (src), __VA_ARGS__); \
	__r; \
})
#define BPF_CORE_READ(src, a, ...) ___ebpfj_value(BPF_CORE_READ_INTO, src, a, ##__VA_ARGS__)
#define BPF_CORE_READ_USER(src, a, ...) ___ebpfj_value(BPF_CORE_READ_USER_INTO, src, a, ##__VA_ARGS__)
#define BPF_PROBE_READ(src, a, ...) ___ebpfj_value(BPF_PROBE_READ_INTO, src, a, ##__VA_ARGS__)
#define BPF_PROBE_READ_USER(src, a, ...) ___ebpfj_value(BPF_PROBE_READ_USER_INTO, src, a, ##__VA_ARGS__)

#endif /* __BPF_CORE_READ_H__ */
