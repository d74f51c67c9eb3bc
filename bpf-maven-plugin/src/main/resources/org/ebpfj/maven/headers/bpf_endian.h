/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Byte-order conversion for BPF programs, written for bpf-maven-plugin (org.ebpfj) as a drop-in for libbpf's
 * <bpf/bpf_endian.h>.
 *
 *   bpf_htons bpf_ntohs bpf_htonl bpf_ntohl bpf_cpu_to_be64 bpf_be64_to_cpu
 *       constants are swapped at compile time (usable in case labels and initializers), other values with one
 *       BPF byte-swap instruction;
 *   __bpf_htons ... __bpf_be64_to_cpu           always the run-time swap;
 *   __bpf_constant_htons ... __bpf_constant_be64_to_cpu   always the constant expression.
 *
 * clang's BPF target takes its byte order from the build machine (bpfel / bpfeb): on a big-endian machine every
 * conversion is the identity.
 */
#ifndef __BPF_ENDIAN__
#define __BPF_ENDIAN__

/* Constant byte swaps, spelled out with masks so that they stay integer constant expressions. */
#define ___ebpfj_swab16(x) ((__u16)( \
	(((__u16)(x) & (__u16)0x00ffU) << 8) | \
	(((__u16)(x) & (__u16)0xff00U) >> 8)))
#define ___ebpfj_swab32(x) ((__u32)( \
	(((__u32)(x) & (__u32)0x000000ffUL) << 24) | \
	(((__u32)(x) & (__u32)0x0000ff00UL) << 8) | \
	(((__u32)(x) & (__u32)0x00ff0000UL) >> 8) | \
	(((__u32)(x) & (__u32)0xff000000UL) >> 24)))
#define ___ebpfj_swab64(x) ((__u64)( \
	(((__u64)(x) & (__u64)0x00000000000000ffULL) << 56) | \
	(((__u64)(x) & (__u64)0x000000000000ff00ULL) << 40) | \
	(((__u64)(x) & (__u64)0x0000000000ff0000ULL) << 24) | \
	(((__u64)(x) & (__u64)0x00000000ff000000ULL) << 8) | \
	(((__u64)(x) & (__u64)0x000000ff00000000ULL) >> 8) | \
	(((__u64)(x) & (__u64)0x0000ff0000000000ULL) >> 24) | \
	(((__u64)(x) & (__u64)0x00ff000000000000ULL) >> 40) | \
	(((__u64)(x) & (__u64)0xff00000000000000ULL) >> 56)))

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define __bpf_ntohs(x) __builtin_bswap16(x)
#define __bpf_htons(x) __builtin_bswap16(x)
#define __bpf_constant_ntohs(x) ___ebpfj_swab16(x)
#define __bpf_constant_htons(x) ___ebpfj_swab16(x)
#define __bpf_ntohl(x) __builtin_bswap32(x)
#define __bpf_htonl(x) __builtin_bswap32(x)
#define __bpf_constant_ntohl(x) ___ebpfj_swab32(x)
#define __bpf_constant_htonl(x) ___ebpfj_swab32(x)
#define __bpf_be64_to_cpu(x) __builtin_bswap64(x)
#define __bpf_cpu_to_be64(x) __builtin_bswap64(x)
#define __bpf_constant_be64_to_cpu(x) ___ebpfj_swab64(x)
#define __bpf_constant_cpu_to_be64(x) ___ebpfj_swab64(x)
#elif __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define __bpf_ntohs(x) (x)
#define __bpf_htons(x) (x)
#define __bpf_constant_ntohs(x) (x)
#define __bpf_constant_htons(x) (x)
#define __bpf_ntohl(x) (x)
#define __bpf_htonl(x) (x)
#define __bpf_constant_ntohl(x) (x)
#define __bpf_constant_htonl(x) (x)
#define __bpf_be64_to_cpu(x) (x)
#define __bpf_cpu_to_be64(x) (x)
#define __bpf_constant_be64_to_cpu(x) (x)
#define __bpf_constant_cpu_to_be64(x) (x)
#else
#error "bpf_endian.h: the compiler defines no usable __BYTE_ORDER__"
#endif

#define bpf_htons(x) (__builtin_constant_p(x) ? __bpf_constant_htons(x) : __bpf_htons(x))
#define bpf_ntohs(x) (__builtin_constant_p(x) ? __bpf_constant_ntohs(x) : __bpf_ntohs(x))
#define bpf_htonl(x) (__builtin_constant_p(x) ? __bpf_constant_htonl(x) : __bpf_htonl(x))
#define bpf_ntohl(x) (__builtin_constant_p(x) ? __bpf_constant_ntohl(x) : __bpf_ntohl(x))
#define bpf_cpu_to_be64(x) (__builtin_constant_p(x) ? __bpf_constant_cpu_to_be64(x) : __bpf_cpu_to_be64(x))
#define bpf_be64_to_cpu(x) (__builtin_constant_p(x) ? __bpf_constant_be64_to_cpu(x) : __bpf_be64_to_cpu(x))

#endif /* __BPF_ENDIAN__ */
