/* A tp_btf program (BTF-typed raw tracepoint): counts this process's sys_enter events. */
#include "mini_bpf.h"

__u64 tp_btf_hits;
__u64 tp_hits;
__u32 target_pid;

SEC("tp_btf/sys_enter")
int on_tp_btf(void *ctx)
{
    if ((bpf_get_current_pid_tgid() >> 32) == target_pid)
        __sync_fetch_and_add(&tp_btf_hits, 1);
    return 0;
}

/* A classic tracepoint attached by category and name through the explicit API. */
SEC("tracepoint")
int on_tracepoint(void *ctx)
{
    if ((bpf_get_current_pid_tgid() >> 32) == target_pid)
        __sync_fetch_and_add(&tp_hits, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
