// SPDX-License-Identifier: Apache-2.0
/*
 * Header corpus: CO-RE reads. Loadable (a tracepoint); every relocation resolves against the running kernel.
 * Uses: BPF_CORE_READ BPF_CORE_READ_INTO BPF_CORE_READ_STR_INTO BPF_CORE_READ_USER BPF_CORE_READ_USER_INTO
 * BPF_CORE_READ_USER_STR_INTO BPF_PROBE_READ BPF_PROBE_READ_INTO BPF_PROBE_READ_STR_INTO BPF_PROBE_READ_USER
 * BPF_PROBE_READ_USER_INTO BPF_PROBE_READ_USER_STR_INTO BPF_CORE_READ_BITFIELD BPF_CORE_READ_BITFIELD_PROBED
 * BPF_CORE_WRITE_BITFIELD __CORE_RELO __CORE_BITFIELD_PROBE_READ bpf_core_read bpf_core_read_str
 * bpf_core_read_user bpf_core_read_user_str bpf_core_field_exists bpf_core_field_size bpf_core_field_offset
 * bpf_core_type_exists bpf_core_type_size bpf_core_type_matches bpf_core_type_id_local bpf_core_type_id_kernel
 * bpf_core_enum_value_exists bpf_core_enum_value and the enums bpf_field_info_kind bpf_type_id_kind
 * bpf_type_info_kind bpf_enum_value_kind
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

/* A local "flavour" of a kernel type: only the fields used, matched by name at load time. */
struct task_struct___local {
	int pid;
	int tgid;
} __attribute__((preserve_access_index));

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tcphdr);
} headers SEC(".maps");

struct facts {
	__u64 values[24];
	char comm[16];
	char exe[32];
	char user[16];
};

struct facts facts;

SEC("tp/syscalls/sys_enter_openat")
int read_things(struct trace_event_raw_sys_enter *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct tcphdr *hdr;
	__u32 key = 0;
	__u64 *v = facts.values;
	int pid = 0, ppid = 0;
	unsigned long arg_start = 0;
	__u64 storage = 0;
	const char *user_path = (const char *)ctx->args[1];

	v[0] = BPF_CORE_READ(task, pid);
	v[1] = BPF_CORE_READ(task, real_parent, tgid);
	v[2] = BPF_CORE_READ(task, mm, arg_start);
	BPF_CORE_READ_INTO(&pid, task, pid);
	BPF_CORE_READ_INTO(&ppid, task, real_parent, pid);
	v[3] = pid + ppid;
	BPF_CORE_READ_STR_INTO(&facts.comm, task, comm);
	BPF_CORE_READ_STR_INTO(&facts.exe, task, group_leader, real_parent, comm);
	v[4] = BPF_PROBE_READ(task, tgid);
	BPF_PROBE_READ_INTO(&arg_start, task, mm, arg_start);
	v[5] = arg_start;
	BPF_PROBE_READ_STR_INTO(&facts.comm, task, comm);
	bpf_core_read(&pid, sizeof(pid), &task->tgid);
	bpf_core_read_str(&facts.comm, sizeof(facts.comm), &task->comm);
	v[6] = pid;
	v[7] = BPF_CORE_READ_BITFIELD_PROBED(task, in_iowait);
	__CORE_BITFIELD_PROBE_READ(&storage, task, in_iowait);
	v[8] = storage + __CORE_RELO(task, in_iowait, BYTE_SIZE);
	v[9] = bpf_core_field_exists(task->pid) + bpf_core_field_exists(struct task_struct, tgid);
	v[10] = bpf_core_field_size(task->comm) + bpf_core_field_size(struct task_struct, pid);
	v[11] = bpf_core_field_offset(task->tgid) + bpf_core_field_offset(struct task_struct, pid);
	v[12] = bpf_core_type_exists(struct task_struct) + bpf_core_type_size(struct task_struct);
#if __clang_major__ >= 17 /* older clang rejects BPF_TYPE_MATCHES in its backend */
	v[13] = bpf_core_type_matches(struct task_struct___local);
#endif
	v[14] = bpf_core_type_id_local(struct task_struct) + bpf_core_type_id_kernel(struct task_struct);
	v[15] = bpf_core_enum_value_exists(enum bpf_map_type, BPF_MAP_TYPE_HASH)
		+ bpf_core_enum_value(enum bpf_map_type, BPF_MAP_TYPE_ARRAY);
	v[16] = BPF_CORE_READ((struct task_struct___local *)task, tgid);
	v[17] = BPF_FIELD_EXISTS + BPF_TYPE_ID_TARGET + BPF_TYPE_SIZE + BPF_ENUMVAL_VALUE;

	/* user memory: the path argument of openat */
	bpf_core_read_user_str(&facts.user, sizeof(facts.user), user_path);
	bpf_core_read_user(&v[18], 1, user_path);
	BPF_PROBE_READ_USER_STR_INTO(&facts.user, ctx, args[1]);

	/* bitfields of memory the program owns (a map value of a kernel type) */
	hdr = bpf_map_lookup_elem(&headers, &key);
	if (hdr) {
		BPF_CORE_WRITE_BITFIELD(hdr, doff, 5);
		v[19] = BPF_CORE_READ_BITFIELD(hdr, doff);
	}
	return 0;
}

/* The _USER chains, on a structure in user memory: a uprobe's argument pointing at struct iovec. */
SEC("uprobe")
int read_user_chain(struct pt_regs *ctx)
{
	const struct iovec *iov = (const struct iovec *)PT_REGS_PARM1(ctx);
	__u64 *v = facts.values;
	size_t len = 0;

	v[20] = BPF_CORE_READ_USER(iov, iov_len);
	BPF_CORE_READ_USER_INTO(&len, iov, iov_len);
	BPF_PROBE_READ_USER_INTO(&len, iov, iov_len);
	v[21] = len + BPF_PROBE_READ_USER(iov, iov_len);
	BPF_CORE_READ_USER_STR_INTO(&facts.user, iov, iov_base);
	return 0;
}
