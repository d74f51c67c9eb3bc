/*
 * The product's experiment as a test fixture: a HASH and an LRU_HASH of the same size (u32 -> u32,
 * max_entries 1003) receive keys 1..keys_to_insert with value key * 10 + key, plus a 10-entry LRU for the
 * small case. The HASH refuses the key after max_entries (E2BIG); the LRU accepts every key and evicts in batches.
 *
 * The same fill runs from a SEC("syscall") program (BPF_PROG_TEST_RUN) and from the execve tracepoint, where it
 * fires only for children of the process whose tgid user space puts into target_ppid before load (.rodata).
 * What each insert returned is kept in .bss, for tests to read as records.
 */
#include "mini_bpf.h"

#define MAX_ENTRIES 1003
#define SMALL_MAX_ENTRIES 10

BTF_MAP(my_u32_elem_map, BPF_MAP_TYPE_HASH, __u32, __u32, MAX_ENTRIES);
BTF_MAP(my_u32_lru_elem_map, BPF_MAP_TYPE_LRU_HASH, __u32, __u32, MAX_ENTRIES);
BTF_MAP(small_lru_map, BPF_MAP_TYPE_LRU_HASH, __u32, __u32, SMALL_MAX_ENTRIES);

/* What one fill did to one map. */
struct fill_result {
    __u32 inserted;
    __u32 failed;
    __s32 first_error;      /* the first negative errno bpf_map_update_elem returned, 0 if none */
    __u32 first_failed_key; /* the key that got first_error, 0 if none */
    __u32 cpu;              /* the CPU the fill ran on */
};

struct fill_result hash_result;
struct fill_result lru_result;
struct fill_result small_result;

/* Set before load: only a child of this process fills the maps on execve (0: never). */
const volatile __u32 target_ppid = 0;
/* Set before load: how many keys each fill inserts (max_entries + 1 in the experiment). */
const volatile __u32 keys_to_insert = MAX_ENTRIES + 1;
const volatile __u32 small_keys_to_insert = SMALL_MAX_ENTRIES + 1;

/* How often the tracepoint matched target_ppid; only the first match fills. */
__u32 execve_matches;

static void record(struct fill_result *r, __u32 key, long err)
{
    if (err == 0) {
        r->inserted++;
        return;
    }
    if (r->failed++ == 0) {
        r->first_error = (__s32) err;
        r->first_failed_key = key;
    }
}

static long fill_one(__u32 index, void *ctx)
{
    __u32 key = index + 1;
    __u32 value = key * 10 + key;

    record(&hash_result, key, bpf_map_update_elem(&my_u32_elem_map, &key, &value, BPF_ANY));
    record(&lru_result, key, bpf_map_update_elem(&my_u32_lru_elem_map, &key, &value, BPF_ANY));
    return 0;
}

static long fill_small_one(__u32 index, void *ctx)
{
    __u32 key = index + 1;
    __u32 value = key * 10 + key;

    record(&small_result, key, bpf_map_update_elem(&small_lru_map, &key, &value, BPF_ANY));
    return 0;
}

static void fill(void)
{
    __u32 cpu = bpf_get_smp_processor_id();

    hash_result.cpu = cpu;
    lru_result.cpu = cpu;
    bpf_loop(keys_to_insert, fill_one, NULL, 0);
}

SEC("syscall")
int fill_test_run(void *ctx)
{
    fill();
    return 0;
}

SEC("syscall")
int fill_small_lru(void *ctx)
{
    small_result.cpu = bpf_get_smp_processor_id();
    bpf_loop(small_keys_to_insert, fill_small_one, NULL, 0);
    return 0;
}

SEC("tracepoint/syscalls/sys_enter_execve")
int fill_on_execve(void *ctx)
{
    if (target_ppid == 0 || parent_tgid() != target_ppid)
        return 0;
    /* A process start may exec twice (the JDK's spawn helper, then the program): fill on the first. */
    if (__sync_fetch_and_add(&execve_matches, 1) != 0)
        return 0;
    fill();
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
