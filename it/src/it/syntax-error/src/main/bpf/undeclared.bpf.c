#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int undeclared(struct xdp_md *ctx)
{
	return no_such_variable;
}

char LICENSE[] SEC("license") = "GPL";
