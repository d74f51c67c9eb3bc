// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: BTF-typed programs. tp_btf programs load on this kernel; fentry/fexit (same macros) are
 * refused with EPERM on the project's CI machine, so they are only compiled (see compile_only.bpf.c).
 * Uses: BPF_PROG BPF_PROG2
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

__u64 switches;
__u64 wakeups;

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	switches += preempt + prev->pid + next->pid;
	return 0;
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG2(on_wakeup, struct task_struct *, p)
{
	wakeups += p->pid;
	return 0;
}
