// SPDX-License-Identifier: GPL-2.0
/*
 * The experiment from the bpf2go article: two maps of the same size, one HASH and one LRU_HASH, both filled
 * with max_entries + 1 keys. The HASH refuses the last key (E2BIG); the LRU_HASH accepts it by evicting, in
 * batches, and ends up holding fewer than max_entries keys.
 *
 * The same fill runs three ways, so tests can compare them: from user space, from a program run with
 * BPF_PROG_TEST_RUN (fill_test_run), and from a real tracepoint when the test starts a process (fill_on_execve).
 *
 * Portable to 5.10: the test-run programs are raw tracepoint programs (BPF_PROG_TEST_RUN runs them since 5.10;
 * SEC("syscall") needs 5.14), and the fill is a bounded loop over a global function instead of bpf_loop() (5.17).
 * A global function is verified once on its own, so the verifier walks the loop in a few instructions per key.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define MAX_ENTRIES 1003
#define SMALL_MAX_ENTRIES 10
/* The most keys one fill inserts, whatever keys_to_insert says: it bounds the loop for the verifier. */
#define MAX_KEYS (4 * MAX_ENTRIES)

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, MAX_ENTRIES);
} my_u32_elem_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, MAX_ENTRIES);
} my_u32_lru_elem_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, SMALL_MAX_ENTRIES);
} small_lru_map SEC(".maps");

/* What a fill did, per map: read by the tests from the object's .bss map. */
struct fill_result {
	__u32 inserted;
	__u32 failed;
	__s32 first_error; /* the first negative errno bpf_map_update_elem returned, 0 if none */
	__u32 last_key;
};

struct fill_result hash_result;
struct fill_result lru_result;

/* Set by user space before load (.rodata): only a child of this process fills the maps on execve. */
const volatile __u32 target_ppid = 0;
/* Set by user space before load: how many keys to insert (max_entries + 1 in the article's experiment). */
const volatile __u32 keys_to_insert = MAX_ENTRIES + 1;
const volatile __u32 small_keys_to_insert = SMALL_MAX_ENTRIES + 1;

/* Set when the tracepoint fired for the target, so one test's process start fills the maps once. */
__u32 execve_fills;

static void record(struct fill_result *r, __u32 key, long err)
{
	if (err) {
		r->failed++;
		if (!r->first_error)
			r->first_error = err;
	} else {
		r->inserted++;
	}
	r->last_key = key;
}

__noinline int fill_one(__u32 index)
{
	__u32 key = index + 1;
	__u32 value = key * 10 + key;

	record(&hash_result, key, bpf_map_update_elem(&my_u32_elem_map, &key, &value, BPF_ANY));
	record(&lru_result, key, bpf_map_update_elem(&my_u32_lru_elem_map, &key, &value, BPF_ANY));
	return 0;
}

static void fill(void)
{
	for (__u32 i = 0; i < MAX_KEYS && i < keys_to_insert; i++)
		fill_one(i);
}

/* Not attached anywhere: the tests run it with BPF_PROG_TEST_RUN. */
SEC("raw_tp")
int fill_test_run(void *ctx)
{
	fill();
	return 0;
}

__noinline int fill_small_one(__u32 index)
{
	__u32 key = index + 1;
	__u32 value = key * 10 + key;

	bpf_map_update_elem(&small_lru_map, &key, &value, BPF_ANY);
	return 0;
}

SEC("raw_tp")
int fill_small_lru(void *ctx)
{
	for (__u32 i = 0; i < MAX_KEYS && i < small_keys_to_insert; i++)
		fill_small_one(i);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_execve")
int fill_on_execve(struct trace_event_raw_sys_enter *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();

	if (BPF_CORE_READ(task, real_parent, tgid) != target_ppid)
		return 0;
	/*
	 * A process start may exec more than once (a spawn helper, then the program): fill on the first. A plain
	 * increment, not __sync_fetch_and_add(): clang emits that as an atomic add that returns the old value
	 * (BPF_FETCH, 5.12+), which 5.10 refuses ("BPF_STX uses reserved fields"). One child's execs follow each other,
	 * so they do not race.
	 */
	if (execve_fills++ != 0)
		return 0;
	fill();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
