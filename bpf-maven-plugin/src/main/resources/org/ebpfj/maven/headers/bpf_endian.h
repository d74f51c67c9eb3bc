/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Byte-order conversion for BPF programs, written for bpf-maven-plugin (org.ebpfj).
 *
 * bpf_htons/bpf_ntohs/bpf_htonl/bpf_ntohl/bpf_cpu_to_be64/bpf_be64_to_cpu work on constants (folded at compile
 * time, usable in case labels and initializers) and on run-time values (one BPF byte-swap instruction).
 * The byte order is clang's target order (-target bpf follows the build machine).
 */
#ifndef EBPFJ_BPF_ENDIAN_H
#define EBPFJ_BPF_ENDIAN_H

/* Constant byte swaps, spelled out so that they stay integer constant expressions. */
#define __ebpfj_swab16_const(x) ((__u16)( \
	(((__u16)(x) & (__u16)0x00ffU) << 8) | \
	(((__u16)(x) & (__u16)0xff00U) >> 8)))
#define __ebpfj_swab32_const(x) ((__u32)( \
	(((__u32)(x) & (__u32)0x000000ffUL) << 24) | \
	(((__u32)(x) & (__u32)0x0000ff00UL) << 8) | \
	(((__u32)(x) & (__u32)0x00ff0000UL) >> 8) | \
	(((__u32)(x) & (__u32)0xff000000UL) >> 24)))
#define __ebpfj_swab64_const(x) ((__u64)( \
	(((__u64)(x) & (__u64)0x00000000000000ffULL) << 56) | \
	(((__u64)(x) & (__u64)0x000000000000ff00ULL) << 40) | \
	(((__u64)(x) & (__u64)0x0000000000ff0000ULL) << 24) | \
	(((__u64)(x) & (__u64)0x00000000ff000000ULL) << 8) | \
	(((__u64)(x) & (__u64)0x000000ff00000000ULL) >> 8) | \
	(((__u64)(x) & (__u64)0x0000ff0000000000ULL) >> 24) | \
	(((__u64)(x) & (__u64)0x00ff000000000000ULL) >> 40) | \
	(((__u64)(x) & (__u64)0xff00000000000000ULL) >> 56)))

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define __ebpfj_be16(x) (__builtin_constant_p(x) ? __ebpfj_swab16_const(x) : __builtin_bswap16(x))
#define __ebpfj_be32(x) (__builtin_constant_p(x) ? __ebpfj_swab32_const(x) : __builtin_bswap32(x))
#define __ebpfj_be64(x) (__builtin_constant_p(x) ? __ebpfj_swab64_const(x) : __builtin_bswap64(x))
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define __ebpfj_be16(x) ((__u16)(x))
#define __ebpfj_be32(x) ((__u32)(x))
#define __ebpfj_be64(x) ((__u64)(x))
#else
#error "bpf_endian.h: clang did not define __BYTE_ORDER__"
#endif

/* Host to network (big-endian) order and back; the same operation both ways. */
#define bpf_htons(x) __ebpfj_be16(x)
#define bpf_ntohs(x) __ebpfj_be16(x)
#define bpf_htonl(x) __ebpfj_be32(x)
#define bpf_ntohl(x) __ebpfj_be32(x)
#define bpf_cpu_to_be64(x) __ebpfj_be64(x)
#define bpf_be64_to_cpu(x) __ebpfj_be64(x)

#endif /* EBPFJ_BPF_ENDIAN_H */
