/*
 * Programs of kinds this project's development host cannot run (no kprobes; trampolines refused by its BPF LSM):
 * GuestOnlyAttachTest proves them inside a guest kernel. Each counts this process's getpgid(2) calls; fmod_ret
 * replaces the result of the LSM hook getpgid(pid) consults with 4242, which getpgid then returns (fmod_ret may
 * only attach to LSM hooks and error-injectable functions; Debian's kernels do not mark the syscalls so).
 */
#include "mini_bpf.h"

__u64 kprobe_hits;
__u64 kretprobe_hits;
__u64 fentry_hits;
__u64 fexit_hits;
__u64 fmod_ret_hits;
__u32 target_pid;

static int mine(void)
{
    return (bpf_get_current_pid_tgid() >> 32) == target_pid;
}

SEC("kprobe")
int on_kprobe(void *ctx)
{
    if (mine())
        __sync_fetch_and_add(&kprobe_hits, 1);
    return 0;
}

SEC("kretprobe")
int on_kretprobe(void *ctx)
{
    if (mine())
        __sync_fetch_and_add(&kretprobe_hits, 1);
    return 0;
}

SEC("fentry/__x64_sys_getpgid")
int on_fentry(void *ctx)
{
    if (mine())
        __sync_fetch_and_add(&fentry_hits, 1);
    return 0;
}

SEC("fexit/__x64_sys_getpgid")
int on_fexit(void *ctx)
{
    if (mine())
        __sync_fetch_and_add(&fexit_hits, 1);
    return 0;
}

SEC("fmod_ret/security_task_getpgid")
int on_fmod_ret(void *ctx)
{
    if (!mine())
        return 0;
    __sync_fetch_and_add(&fmod_ret_hits, 1);
    return 4242;
}

char LICENSE[] SEC("license") = "GPL";
