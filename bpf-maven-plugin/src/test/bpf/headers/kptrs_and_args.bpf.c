// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: kernel pointers in map values and tagged arguments of global functions (kernel 6.8+).
 * Loadable (a syscall program).
 * Uses: __kptr __kptr_untrusted __percpu_kptr __uptr __arg_ctx __arg_nonnull __arg_untrusted (__arg_nullable and
 * __arg_trusted: compile_only.bpf.c)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

struct holder {
	struct task_struct __kptr *owned;
	struct task_struct __kptr_untrusted *seen;
};

struct counter {
	__u64 n;
};

struct per_cpu_holder {
	struct counter __percpu_kptr *per_cpu;
};

struct user_holder {
	struct counter __uptr *shared;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct holder);
} holders SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct per_cpu_holder);
} per_cpu_holders SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct user_holder);
} user_holders SEC(".maps");

__noinline int count_ctx(void *ctx __arg_ctx)
{
	return ctx != 0;
}

__noinline int deref(int *p __arg_nonnull)
{
	return *p;
}

__noinline int untrusted_pid(struct task_struct *t __arg_untrusted)
{
	return t ? 1 : 0;
}

int answer = 42;

SEC("syscall")
int use_tags(void *ctx)
{
	__u32 key = 0;
	int local = 1;
	struct holder *h = bpf_map_lookup_elem(&holders, &key);
	struct per_cpu_holder *p = bpf_map_lookup_elem(&per_cpu_holders, &key);

	if (!h || !p)
		return 1;
	return count_ctx(ctx) + deref(&local) + deref(&answer) + untrusted_pid(h->seen);
}
