/* SPDX-License-Identifier: Apache-2.0 */
/*
 * CO-RE (compile once, run everywhere) reads for BPF programs, written for bpf-maven-plugin (org.ebpfj).
 *
 * clang records every field access made inside __builtin_preserve_access_index as a relocation in .BTF.ext;
 * the loader rewrites the offsets for the running kernel's layout. The builtins used here and the numbers
 * they take are clang's BPF CO-RE interface (see clang's BPF target documentation).
 *
 *   bpf_core_read(dst, sz, src)                  one relocated kernel read of sz bytes at src
 *   BPF_CORE_READ(src, a, b, c)                  the value of src->a->b->c, each step a relocated read
 *   BPF_CORE_READ_INTO(&dst, src, a, b, c)       the same into dst
 *   BPF_CORE_READ_USER / BPF_CORE_READ_USER_INTO the same for user memory
 *   BPF_PROBE_READ / BPF_PROBE_READ_INTO         the chain without relocations
 *   bpf_core_field_exists(s->f), bpf_core_field_size(s->f), bpf_core_field_offset(s->f)
 *   bpf_core_type_exists(T), bpf_core_type_size(T), bpf_core_type_id_local(T), bpf_core_type_id_kernel(T)
 *   bpf_core_enum_value_exists(E, V), bpf_core_enum_value(E, V)
 *
 * A field argument may be "s->f" or "type, f" (e.g. bpf_core_field_exists(struct task_struct, pid)).
 */
#ifndef EBPFJ_BPF_CORE_READ_H
#define EBPFJ_BPF_CORE_READ_H

/* Kinds of __builtin_preserve_field_info. */
#define __EBPFJ_FIELD_BYTE_OFFSET 0
#define __EBPFJ_FIELD_BYTE_SIZE 1
#define __EBPFJ_FIELD_EXISTS 2
#define __EBPFJ_FIELD_SIGNED 3
#define __EBPFJ_FIELD_LSHIFT_U64 4
#define __EBPFJ_FIELD_RSHIFT_U64 5
/* Kinds of __builtin_btf_type_id. */
#define __EBPFJ_TYPE_ID_LOCAL 0
#define __EBPFJ_TYPE_ID_TARGET 1
/* Kinds of __builtin_preserve_type_info. */
#define __EBPFJ_TYPE_EXISTS 0
#define __EBPFJ_TYPE_SIZE 1
#define __EBPFJ_TYPE_MATCHES 2
/* Kinds of __builtin_preserve_enum_value. */
#define __EBPFJ_ENUMVAL_EXISTS 0
#define __EBPFJ_ENUMVAL_VALUE 1

/* Argument counting: 1..9. */
#define __ebpfj_core_nth(_1, _2, _3, _4, _5, _6, _7, _8, _9, N, ...) N
#define __ebpfj_core_count(...) __ebpfj_core_nth(__VA_ARGS__, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define __ebpfj_core_cat(a, b) a##b
#define __ebpfj_core_call(name, n) __ebpfj_core_cat(name, n)

/* "s->f" or "type, f" as an lvalue expression clang can relocate. */
#define __ebpfj_field_1(field) field
#define __ebpfj_field_2(type, field) (((type *)0)->field)
#define __ebpfj_field(...) __ebpfj_core_call(__ebpfj_field_, __ebpfj_core_count(__VA_ARGS__))(__VA_ARGS__)

#define bpf_core_field_exists(field...) \
	__builtin_preserve_field_info(__ebpfj_field(field), __EBPFJ_FIELD_EXISTS)
#define bpf_core_field_size(field...) \
	__builtin_preserve_field_info(__ebpfj_field(field), __EBPFJ_FIELD_BYTE_SIZE)
#define bpf_core_field_offset(field...) \
	__builtin_preserve_field_info(__ebpfj_field(field), __EBPFJ_FIELD_BYTE_OFFSET)

#define bpf_core_type_id_local(type) \
	__builtin_btf_type_id(*(__typeof__(type) *)0, __EBPFJ_TYPE_ID_LOCAL)
#define bpf_core_type_id_kernel(type) \
	__builtin_btf_type_id(*(__typeof__(type) *)0, __EBPFJ_TYPE_ID_TARGET)
#define bpf_core_type_exists(type) \
	__builtin_preserve_type_info(*(__typeof__(type) *)0, __EBPFJ_TYPE_EXISTS)
#define bpf_core_type_size(type) \
	__builtin_preserve_type_info(*(__typeof__(type) *)0, __EBPFJ_TYPE_SIZE)
#define bpf_core_type_matches(type) \
	__builtin_preserve_type_info(*(__typeof__(type) *)0, __EBPFJ_TYPE_MATCHES)

#define bpf_core_enum_value_exists(enum_type, enum_value) \
	__builtin_preserve_enum_value(*(__typeof__(enum_type) *)enum_value, __EBPFJ_ENUMVAL_EXISTS)
#define bpf_core_enum_value(enum_type, enum_value) \
	__builtin_preserve_enum_value(*(__typeof__(enum_type) *)enum_value, __EBPFJ_ENUMVAL_VALUE)

/* One relocated read. */
#define bpf_core_read(dst, sz, src) \
	bpf_probe_read_kernel(dst, sz, (const void *)__builtin_preserve_access_index(src))
#define bpf_core_read_user(dst, sz, src) \
	bpf_probe_read_user(dst, sz, (const void *)__builtin_preserve_access_index(src))
#define bpf_core_read_str(dst, sz, src) \
	bpf_probe_read_kernel_str(dst, sz, (const void *)__builtin_preserve_access_index(src))
#define bpf_core_read_user_str(dst, sz, src) \
	bpf_probe_read_user_str(dst, sz, (const void *)__builtin_preserve_access_index(src))

/* Plain (not relocated) reads, for the BPF_PROBE_READ chains. */
#define __ebpfj_plain_read(dst, sz, src) bpf_probe_read_kernel(dst, sz, (const void *)(src))
#define __ebpfj_plain_read_user(dst, sz, src) bpf_probe_read_user(dst, sz, (const void *)(src))
/* Address of a field; the relocated readers wrap it in __builtin_preserve_access_index themselves. */
#define __ebpfj_addr_plain(p, f) (&(p)->f)

/*
 * The chain src->f1->f2->...->fn: each step reads the pointer stored in the current field into a local of
 * that field's type, the last step reads the value into dst. Step k declares __ebpfj_pk, so steps nest
 * without name clashes. (Each step is its own macro: a macro cannot expand inside its own expansion.)
 */
#define __ebpfj_step1(rd, ad, dst, p, f) \
	rd((void *)(dst), sizeof((p)->f), ad(p, f))
#define __ebpfj_step2(rd, ad, dst, p, f, ...) \
	__typeof__((p)->f) __ebpfj_p2; \
	rd((void *)&__ebpfj_p2, sizeof(__ebpfj_p2), ad(p, f)); \
	__ebpfj_step1(rd, ad, dst, __ebpfj_p2, __VA_ARGS__)
#define __ebpfj_step3(rd, ad, dst, p, f, ...) \
	__typeof__((p)->f) __ebpfj_p3; \
	rd((void *)&__ebpfj_p3, sizeof(__ebpfj_p3), ad(p, f)); \
	__ebpfj_step2(rd, ad, dst, __ebpfj_p3, __VA_ARGS__)
#define __ebpfj_step4(rd, ad, dst, p, f, ...) \
	__typeof__((p)->f) __ebpfj_p4; \
	rd((void *)&__ebpfj_p4, sizeof(__ebpfj_p4), ad(p, f)); \
	__ebpfj_step3(rd, ad, dst, __ebpfj_p4, __VA_ARGS__)
#define __ebpfj_step5(rd, ad, dst, p, f, ...) \
	__typeof__((p)->f) __ebpfj_p5; \
	rd((void *)&__ebpfj_p5, sizeof(__ebpfj_p5), ad(p, f)); \
	__ebpfj_step4(rd, ad, dst, __ebpfj_p5, __VA_ARGS__)
#define __ebpfj_step6(rd, ad, dst, p, f, ...) \
	__typeof__((p)->f) __ebpfj_p6; \
	rd((void *)&__ebpfj_p6, sizeof(__ebpfj_p6), ad(p, f)); \
	__ebpfj_step5(rd, ad, dst, __ebpfj_p6, __VA_ARGS__)
#define __ebpfj_step7(rd, ad, dst, p, f, ...) \
	__typeof__((p)->f) __ebpfj_p7; \
	rd((void *)&__ebpfj_p7, sizeof(__ebpfj_p7), ad(p, f)); \
	__ebpfj_step6(rd, ad, dst, __ebpfj_p7, __VA_ARGS__)
#define __ebpfj_step8(rd, ad, dst, p, f, ...) \
	__typeof__((p)->f) __ebpfj_p8; \
	rd((void *)&__ebpfj_p8, sizeof(__ebpfj_p8), ad(p, f)); \
	__ebpfj_step7(rd, ad, dst, __ebpfj_p8, __VA_ARGS__)
#define __ebpfj_step9(rd, ad, dst, p, f, ...) \
	__typeof__((p)->f) __ebpfj_p9; \
	rd((void *)&__ebpfj_p9, sizeof(__ebpfj_p9), ad(p, f)); \
	__ebpfj_step8(rd, ad, dst, __ebpfj_p9, __VA_ARGS__)
#define __ebpfj_chain(rd, ad, dst, src, ...) ({ \
	__ebpfj_core_call(__ebpfj_step, __ebpfj_core_count(__VA_ARGS__))(rd, ad, dst, (src), __VA_ARGS__); \
})

/* The type of src->f1->...->fn, for the value-returning forms. */
#define __ebpfj_path1(p, f) (p)->f
#define __ebpfj_path2(p, f, ...) __ebpfj_path1((p)->f, __VA_ARGS__)
#define __ebpfj_path3(p, f, ...) __ebpfj_path2((p)->f, __VA_ARGS__)
#define __ebpfj_path4(p, f, ...) __ebpfj_path3((p)->f, __VA_ARGS__)
#define __ebpfj_path5(p, f, ...) __ebpfj_path4((p)->f, __VA_ARGS__)
#define __ebpfj_path6(p, f, ...) __ebpfj_path5((p)->f, __VA_ARGS__)
#define __ebpfj_path7(p, f, ...) __ebpfj_path6((p)->f, __VA_ARGS__)
#define __ebpfj_path8(p, f, ...) __ebpfj_path7((p)->f, __VA_ARGS__)
#define __ebpfj_path9(p, f, ...) __ebpfj_path8((p)->f, __VA_ARGS__)
#define __ebpfj_path(src, ...) \
	__ebpfj_core_call(__ebpfj_path, __ebpfj_core_count(__VA_ARGS__))((src), __VA_ARGS__)

#define BPF_CORE_READ_INTO(dst, src, fields...) \
	__ebpfj_chain(bpf_core_read, __ebpfj_addr_plain, dst, src, fields)
#define BPF_CORE_READ_USER_INTO(dst, src, fields...) \
	__ebpfj_chain(bpf_core_read_user, __ebpfj_addr_plain, dst, src, fields)
#define BPF_PROBE_READ_INTO(dst, src, fields...) \
	__ebpfj_chain(__ebpfj_plain_read, __ebpfj_addr_plain, dst, src, fields)
#define BPF_PROBE_READ_USER_INTO(dst, src, fields...) \
	__ebpfj_chain(__ebpfj_plain_read_user, __ebpfj_addr_plain, dst, src, fields)

#define BPF_CORE_READ(src, fields...) ({ \
	__typeof__(__ebpfj_path(src, fields)) __ebpfj_value; \
	BPF_CORE_READ_INTO(&__ebpfj_value, src, fields); \
	__ebpfj_value; \
})
#define BPF_CORE_READ_USER(src, fields...) ({ \
	__typeof__(__ebpfj_path(src, fields)) __ebpfj_value; \
	BPF_CORE_READ_USER_INTO(&__ebpfj_value, src, fields); \
	__ebpfj_value; \
})
#define BPF_PROBE_READ(src, fields...) ({ \
	__typeof__(__ebpfj_path(src, fields)) __ebpfj_value; \
	BPF_PROBE_READ_INTO(&__ebpfj_value, src, fields); \
	__ebpfj_value; \
})

#endif /* EBPFJ_BPF_CORE_READ_H */
