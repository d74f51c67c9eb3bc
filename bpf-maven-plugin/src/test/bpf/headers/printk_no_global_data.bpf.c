// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: bpf_printk with BPF_NO_GLOBAL_DATA (kernels before 5.2): the format lives on the stack and the
 * object has no .rodata. Loadable (a tracepoint).
 */
#define BPF_NO_GLOBAL_DATA
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

SEC("tp/syscalls/sys_enter_getpid")
int print_on_stack(void *ctx)
{
	bpf_printk("pid %d", (int)(bpf_get_current_pid_tgid() >> 32));
	return 0;
}
