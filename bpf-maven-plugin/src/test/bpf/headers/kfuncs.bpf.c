// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: kfuncs declared by vmlinux.h (bpftool 7.5+ style prototypes) and bpf_core_cast. Loadable (a
 * syscall program, which may call task kfuncs and run through BPF_PROG_TEST_RUN).
 * Uses: bpf_task_from_pid bpf_task_release (from vmlinux.h) bpf_core_cast bpf_rdonly_cast bpf_ksym_exists
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "GPL";

int wanted_pid = 1; /* set by the loader's user */
int found_pid = -1;
int found_tgid = -1;

SEC("syscall")
int find_task(void *ctx)
{
	struct task_struct *task;

	if (!bpf_ksym_exists(bpf_task_from_pid))
		return 1;
	task = bpf_task_from_pid(wanted_pid);
	if (!task)
		return 2;
	found_pid = task->pid;
	found_tgid = bpf_core_cast(task, struct task_struct)->tgid;
	bpf_task_release(task);
	return 0;
}
