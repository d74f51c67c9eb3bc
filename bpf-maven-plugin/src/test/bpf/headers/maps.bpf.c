// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: bpf_helpers.h's map definitions, attributes and small macros. Loadable (a tracepoint).
 * Uses: SEC __uint __type __array LIBBPF_PIN_NONE LIBBPF_PIN_BY_NAME __kconfig TRI_YES KERNEL_VERSION
 * likely unlikely barrier barrier_var __always_inline __noinline __weak __hidden NULL offsetof container_of
 * bpf_tail_call_static __bpf_unreachable __ksym bpf_ksym_exists
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

struct inner {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} inner_a SEC(".maps"), inner_b SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, struct inner);
} outer SEC(".maps") = {
	.values = { &inner_a, &inner_b },
};

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 128);
	__type(value, __u32);
	__uint(map_extra, 3); /* number of hash functions (__ulong: see compile_only.bpf.c) */
} bloom SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
	__uint(pinning, LIBBPF_PIN_NONE);
} unpinned SEC(".maps");

int tail_target(void *ctx);

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, int(void *));
} jumps SEC(".maps") = {
	.values = { [1] = (void *)&tail_target },
};

/* Read by the loader from the running kernel. */
extern int LINUX_KERNEL_VERSION __kconfig;
extern enum libbpf_tristate CONFIG_BPF_SYSCALL __kconfig __weak;
extern const void bpf_prog_active __ksym __weak;

struct pair {
	__u32 first;
	__u64 second;
};

static __always_inline __u64 twice(__u64 v)
{
	return v * 2;
}

__noinline unsigned int halve(unsigned int v)
{
	return v / 2;
}

__weak __hidden int weak_hidden_plus_one(int v)
{
	return v + 1;
}

SEC("tp/syscalls/sys_enter_getpid")
int tail_target(void *ctx)
{
	return 0;
}

SEC("tp/syscalls/sys_enter_getppid")
int use_helpers(void *ctx)
{
	__u32 key = 0, pin = LIBBPF_PIN_BY_NAME;
	struct pair p = { .first = 1, .second = 2 };
	__u64 *second = &p.second;
	struct pair *back = container_of(second, struct pair, second);
	__u64 *value = bpf_map_lookup_elem(&inner_a, &key);
	int n = 3;

	if (unlikely(value == NULL))
		return 0;
	if (likely(LINUX_KERNEL_VERSION >= KERNEL_VERSION(5, 10, 0)))
		*value += twice(back->first) + offsetof(struct pair, second) + pin;
	if (CONFIG_BPF_SYSCALL == TRI_YES)
		*value += 1;
	if (bpf_ksym_exists(&bpf_prog_active))
		*value += 1;
	barrier();
	barrier_var(n);
	*value += halve(n) + weak_hidden_plus_one(n);
	bpf_map_push_elem(&bloom, &key, BPF_ANY);
	bpf_map_update_elem(&unpinned, &key, value, BPF_ANY);
	bpf_tail_call_static(ctx, &jumps, 1);
	if (sizeof(p) != 16) /* false: the compiler drops the trap */
		__bpf_unreachable();
	return 0;
}
