/* USDT: counts the JVM's hotspot:thread__start probe and keeps the Java thread id of its last firing. */
#include "mini_types.h"
typedef __u16 __be16;
typedef __u32 __be32;
typedef __u32 __wsum;
typedef _Bool bool;
enum bpf_map_type { BPF_MAP_TYPE_HASH = 1, BPF_MAP_TYPE_ARRAY = 2 };
/* x86_64 user-space struct pt_regs (sys/user.h names, as bpf_tracing.h expects without vmlinux.h). */
struct pt_regs {
    unsigned long r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi, orig_rax, rip, cs, eflags, rsp, ss;
};
/* The plugin defines it from the build machine; clang alone (regenerate.sh) does not. */
#ifndef __TARGET_ARCH_x86
#define __TARGET_ARCH_x86
#endif
#include <bpf/usdt.bpf.h>

__u64 thread_starts;
__s64 last_java_tid;
__s64 last_name_len;
__u32 target_pid;

SEC("usdt")
int BPF_USDT(on_thread_start, void *name, long name_len, long java_tid)
{
    if ((bpf_get_current_pid_tgid() >> 32) != target_pid)
        return 0;
    __sync_fetch_and_add(&thread_starts, 1);
    last_java_tid = java_tid;
    last_name_len = name_len;
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
