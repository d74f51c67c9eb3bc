/* A fentry (BPF_PROG_TYPE_TRACING) program: kernels in lockdown refuse to load it with EPERM. */
#include "mini_bpf.h"

__u64 calls;

SEC("fentry/do_unlinkat")
int on_unlinkat(void *ctx)
{
    __sync_fetch_and_add(&calls, 1);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
