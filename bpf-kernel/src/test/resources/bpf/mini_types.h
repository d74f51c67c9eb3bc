/*
 * The kernel's fixed-width integer types, for test sources that have no kernel headers: those built on
 * mini_bpf.h, and those built on the plugin's BPF headers (usdt.bpf.c).
 */
#ifndef EBPFJ_MINI_TYPES_H
#define EBPFJ_MINI_TYPES_H

typedef signed char __s8;
typedef unsigned char __u8;
typedef short __s16;
typedef unsigned short __u16;
typedef int __s32;
typedef unsigned int __u32;
typedef long long __s64;
typedef unsigned long long __u64;

#endif /* EBPFJ_MINI_TYPES_H */
