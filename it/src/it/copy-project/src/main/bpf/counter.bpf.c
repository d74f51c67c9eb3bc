/* Two sources, so that the copy can lose one: the state file copied with it names the original's objects. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, 1);
} counter SEC(".maps");

char LICENSE[] SEC("license") = "GPL";
