// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: what compiles everywhere but does not load on the project's CI machine, each for a named
 * reason: fentry/fexit programs (EPERM there), arena pointers (ARENA maps get EPERM there), the stream kfunc
 * bpf_stream_vprintk (kernel 6.19+; 6.18 names it bpf_stream_vprintk_impl), a trusted (and nullable)
 * pointer argument (needs a caller holding a trusted pointer, as an fentry program does), and __ulong (map_extra
 * as an enum: libbpf 1.3+ reads it, the machine's libbpf 1.1.2 expects a pointer).
 * Uses: bpf_stream_printk __arg_arena __arg_trusted __arg_nullable __ulong BPF_PROG (fentry/fexit)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

/* Declared here: a 6.18 vmlinux.h does not have it. */
extern int bpf_stream_vprintk(int stream_id, const char *fmt__str, const void *args, __u32 len__sz) __weak __ksym;

__noinline int first_byte(char *p __arg_arena)
{
	return p ? *p : 0;
}

__noinline int pid_of(struct task_struct *t __arg_trusted __arg_nullable)
{
	return t ? t->pid : 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 128);
	__type(value, __u32);
	__ulong(map_extra, 3); /* number of hash functions */
} bloom SEC(".maps");

SEC("fentry/do_unlinkat")
int BPF_PROG(entry_unlink, int dfd, struct filename *name)
{
	bpf_stream_printk(1, "unlink %d\n", dfd);
	return pid_of(bpf_get_current_task_btf());
}

SEC("fexit/do_unlinkat")
int BPF_PROG(exit_unlink, int dfd, struct filename *name, long ret)
{
	__u32 value = dfd;

	bpf_map_push_elem(&bloom, &value, BPF_ANY);
	return first_byte(0) + ret;
}
