/*
 * Programs of kinds this project's development host cannot run (no kprobes; trampolines refused by its BPF LSM):
 * GuestOnlyAttachTest proves them inside a guest kernel. Each counts this process's getpgid(2) calls; fmod_ret
 * replaces the result of the LSM hook getpgid(pid) consults with 4242, which getpgid then returns (fmod_ret may
 * only attach to LSM hooks and error-injectable functions; Debian's kernels do not mark the syscalls so).
 */
#include "hit_counters.h"

HIT_COUNTER("kprobe", on_kprobe, kprobe_hits, 1)
HIT_COUNTER("kretprobe", on_kretprobe, kretprobe_hits, 1)
HIT_COUNTER("fentry/__x64_sys_getpgid", on_fentry, fentry_hits, 1)
HIT_COUNTER("fexit/__x64_sys_getpgid", on_fexit, fexit_hits, 1)

__u64 fmod_ret_hits;

SEC("fmod_ret/security_task_getpgid")
int on_fmod_ret(void *ctx)
{
    if (!mine())
        return 0;
    __sync_fetch_and_add(&fmod_ret_hits, 1);
    return 4242;
}

char LICENSE[] SEC("license") = "GPL";
