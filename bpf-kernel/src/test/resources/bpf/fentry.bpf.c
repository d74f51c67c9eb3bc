/* A fentry (BPF_PROG_TYPE_TRACING) program: kernels in lockdown refuse to load it with EPERM. */
#include "hit_counters.h"

HIT_COUNTER("fentry/do_unlinkat", on_unlinkat, calls, 0)

char LICENSE[] SEC("license") = "GPL";
