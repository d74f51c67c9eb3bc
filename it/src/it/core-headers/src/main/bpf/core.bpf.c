#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4);
} arr SEC(".maps");

extern int LINUX_KERNEL_VERSION __kconfig;
extern int bpf_some_ksym __ksym __weak;

SEC("kprobe/do_exit")
int BPF_KPROBE(on_exit, struct task_struct *t, long code)
{
	int ppid = BPF_CORE_READ(t, real_parent, tgid);
	int gp = BPF_CORE_READ(t, real_parent, real_parent, real_parent, pid);
	int pid;
	BPF_CORE_READ_INTO(&pid, t, pid);
	int nx = BPF_CORE_READ(t, nested.x);
	if (bpf_core_field_exists(t->tgid) && bpf_core_field_exists(struct task_struct, pid))
		ppid += bpf_core_field_size(t->pid);
	if (bpf_core_type_exists(struct task_struct))
		ppid += bpf_core_type_size(struct task_struct);
	if (bpf_core_enum_value_exists(enum bpf_map_type, BPF_MAP_TYPE_LRU_HASH))
		ppid += bpf_core_enum_value(enum bpf_map_type, BPF_MAP_TYPE_LRU_HASH);
	__u32 k = 0;
	__u64 v = ppid + gp + pid + nx + bpf_ntohs(code) + PT_REGS_PARM3(ctx) + PT_REGS_PARM1_CORE(ctx) + LINUX_KERNEL_VERSION;
	if (bpf_ksym_exists(bpf_some_ksym))
		v++;
	barrier_var(v);
	bpf_map_update_elem(&arr, &k, &v, BPF_ANY);
	struct task_struct *cur = (void *)bpf_get_current_task();
	return BPF_PROBE_READ(cur, pid);
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(tp, struct task_struct *p)
{
	return p->pid;
}

static __noinline __hidden int helper(int x) { return x + 1; }

SEC("xdp")
int xdp_prog(struct xdp_md *ctx)
{
	return helper(bpf_htonl(2)) > 0 ? 2 : 1;
}
char LICENSE[] SEC("license") = "GPL";
