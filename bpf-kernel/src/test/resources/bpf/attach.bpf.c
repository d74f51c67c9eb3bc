/* Programs for the explicit attach API's tests: each counts how often its hook fired. */
#include "mini_bpf.h"

__u64 raw_tp_hits;
__u64 perf_event_hits;
__u64 uprobe_hits;
__u64 uretprobe_hits;
__u64 kprobe_hits;
/* Only events of this process count (set by the test). */
__u32 target_pid;

static int mine(void)
{
    return (bpf_get_current_pid_tgid() >> 32) == target_pid;
}

SEC("raw_tp")
int on_raw_tp(void *ctx)
{
    if (mine())
        __sync_fetch_and_add(&raw_tp_hits, 1);
    return 0;
}

SEC("perf_event")
int on_perf_event(void *ctx)
{
    __sync_fetch_and_add(&perf_event_hits, 1);
    return 0;
}

SEC("uprobe")
int on_uprobe(void *ctx)
{
    if (mine())
        __sync_fetch_and_add(&uprobe_hits, 1);
    return 0;
}

SEC("uretprobe")
int on_uretprobe(void *ctx)
{
    if (mine())
        __sync_fetch_and_add(&uretprobe_hits, 1);
    return 0;
}

SEC("kprobe")
int on_kprobe(void *ctx)
{
    __sync_fetch_and_add(&kprobe_hits, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
