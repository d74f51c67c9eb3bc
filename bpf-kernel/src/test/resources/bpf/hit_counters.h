/*
 * Programs that only count how often their hook fired (attach.bpf.c, guest_only.bpf.c, fentry.bpf.c):
 * HIT_COUNTER(section, program, counter, only_mine) defines the __u64 counter and the program that adds 1 to it,
 * for every event or, when only_mine, for events of the process target_pid (set by the test) only.
 */
#ifndef EBPFJ_HIT_COUNTERS_H
#define EBPFJ_HIT_COUNTERS_H

#include "mini_bpf.h"

__u32 target_pid;

static int mine(void)
{
    return (bpf_get_current_pid_tgid() >> 32) == target_pid;
}

#define HIT_COUNTER(section, program, counter, only_mine) \
    __u64 counter; \
    SEC(section) \
    int program(void *ctx) \
    { \
        if (!(only_mine) || mine()) \
            __sync_fetch_and_add(&counter, 1); \
        return 0; \
    }

#endif
