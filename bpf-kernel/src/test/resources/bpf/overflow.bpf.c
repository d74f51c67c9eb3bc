/*
 * The product's experiment: a HASH and an LRU_HASH (u32 -> u32, max_entries 1003) receive keys 1..1004
 * (value key * 10 + key) from one bpf_loop. The same fill runs as an XDP program (for BPF_PROG_TEST_RUN) and on
 * sys_enter_execve, where it fires once, for the first exec by a child of the process whose tgid user space wrote
 * into target_tgid. What each insert returned is kept in `result` (.bss) for user space to read.
 */
#include "mini_bpf.h"

#define FILL_KEYS 1004

BTF_MAP(hash_map, BPF_MAP_TYPE_HASH, __u32, __u32, 1003);
BTF_MAP(lru_hash_map, BPF_MAP_TYPE_LRU_HASH, __u32, __u32, 1003);

struct fill_result {
    __u32 runs;        /* how often a fill started (the tracepoint fills only on the first run) */
    __u32 hash_ok;
    __u32 hash_failed;
    __s32 hash_first_error;   /* the first negative errno the HASH returned, 0 if none */
    __u32 hash_first_failed_key;
    __u32 lru_ok;
    __u32 lru_failed;
    __s32 lru_first_error;
    __u32 cpu;         /* the CPU the fill ran on */
};

struct fill_result result;
__u32 target_tgid;

static long fill_one(__u64 index, void *ctx)
{
    __u32 key = (__u32) index + 1;
    __u32 value = key * 10 + key;
    long err;

    err = bpf_map_update_elem(&hash_map, &key, &value, BPF_ANY);
    if (err == 0) {
        result.hash_ok++;
    } else if (result.hash_failed++ == 0) {
        result.hash_first_error = (__s32) err;
        result.hash_first_failed_key = key;
    }
    err = bpf_map_update_elem(&lru_hash_map, &key, &value, BPF_ANY);
    if (err == 0) {
        result.lru_ok++;
    } else if (result.lru_failed++ == 0) {
        result.lru_first_error = (__s32) err;
    }
    return 0;
}

static void fill(void)
{
    result.cpu = bpf_get_smp_processor_id();
    bpf_loop(FILL_KEYS, fill_one, 0, 0);
}

SEC("xdp")
int fill_xdp(struct xdp_md *ctx)
{
    __sync_fetch_and_add(&result.runs, 1);
    fill();
    return XDP_PASS;
}

SEC("tracepoint/syscalls/sys_enter_execve")
int fill_on_exec(void *ctx)
{
    if (target_tgid == 0 || parent_tgid() != target_tgid)
        return 0;
    if (__sync_fetch_and_add(&result.runs, 1) != 0)
        return 0;
    fill();
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
