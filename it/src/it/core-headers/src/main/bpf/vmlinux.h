/* A tiny stand-in for a bpftool-generated vmlinux.h: kernel type names, __VMLINUX_H__, CO-RE attribute. */
#ifndef __VMLINUX_H__
#define __VMLINUX_H__
#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)
typedef unsigned char __u8; typedef unsigned short __u16; typedef unsigned int __u32; typedef unsigned long long __u64;
typedef signed char __s8; typedef short __s16; typedef int __s32; typedef long long __s64;
typedef __u16 __be16; typedef __u32 __be32; typedef __u32 __wsum; typedef __u64 u64; typedef __u32 u32;
typedef _Bool bool;
enum { false = 0, true = 1 };
enum bpf_map_type { BPF_MAP_TYPE_UNSPEC = 0, BPF_MAP_TYPE_HASH = 1, BPF_MAP_TYPE_ARRAY = 2, BPF_MAP_TYPE_LRU_HASH = 9 };
enum { BPF_ANY = 0, BPF_NOEXIST = 1, BPF_EXIST = 2 };
struct pt_regs { long unsigned int r15, r14, r13, r12, bp, bx, r11, r10, r9, r8, ax, cx, dx, si, di, orig_ax, ip, cs, flags, sp, ss; };
struct bpf_map { int id; };
struct sk_buff { int len; };
struct __sk_buff { __u32 len; };
struct xdp_md { __u32 data; };
struct task_struct { int pid; int tgid; struct task_struct *real_parent; struct { int x; } nested; };
#pragma clang attribute pop
#endif
