/* One program per common section-name convention, plus a subprogram in .text. */
#include "mini_bpf.h"

static __attribute__((noinline)) int helper_sub(int x)
{
	return x * 3;
}

SEC("kprobe/do_unlinkat")
int on_unlink(void *ctx) { return helper_sub(1); }

SEC("kretprobe/do_unlinkat")
int on_unlink_ret(void *ctx) { return 0; }

SEC("fentry/do_unlinkat")
int on_unlink_entry(void *ctx) { return 0; }

SEC("fexit/do_unlinkat")
int on_unlink_exit(void *ctx) { return 0; }

SEC("lsm/file_open")
int check_open(void *ctx) { return 0; }

SEC("raw_tp/sched_switch")
int on_switch(void *ctx) { return 0; }

SEC("tp_btf/sched_wakeup")
int on_wakeup(void *ctx) { return 0; }

SEC("cgroup_skb/ingress")
int cg_ingress(void *skb) { return 1; }

SEC("cgroup/connect4")
int cg_connect(void *sa) { return 1; }

SEC("tc")
int tc_filter(void *skb) { return 0; }

SEC("classifier")
int legacy_classifier(void *skb) { return 0; }

SEC("tcx/ingress")
int tcx_in(void *skb) { return 0; }

SEC("socket")
int sock_filter(void *skb) { return 0; }

SEC("syscall")
int run_syscall(void *ctx) { return 0; }

SEC("struct_ops/tcp_init")
int ops_init(void *sk) { return 0; }

SEC("uprobe//usr/bin/bash:readline")
int on_readline(void *ctx) { return 0; }

SEC("?xdp")
int xdp_optional(void *ctx) { return 2; }

SEC("xdp.frags")
int xdp_frags(void *ctx) { return 2; }

SEC("perf_event")
int on_sample(void *ctx) { return 0; }

SEC("my_custom_section")
int unknown_kind(void *ctx) { return 0; }

SEC("tracepoint")
int tp_without_target(void *ctx) { return 0; }

SEC("kprobe.multi/do_*")
int multi_probe(void *ctx) { return 0; }

char LICENSE[] SEC("license") = "GPL";
