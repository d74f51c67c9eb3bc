#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int broken(struct xdp_md *ctx)
{
	int x = 1
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
