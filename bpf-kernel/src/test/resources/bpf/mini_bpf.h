/*
 * The few definitions the test objects need, written for this project so the sources build without
 * libbpf-dev or kernel headers: fixed-width types, BTF-style map definition macros and helper prototypes.
 * Helper numbers are the kernel's (include/uapi/linux/bpf.h, __BPF_FUNC_MAPPER order).
 */
#ifndef EBPFJ_MINI_BPF_H
#define EBPFJ_MINI_BPF_H

#include "mini_types.h"

#define SEC(name) __attribute__((section(name), used))

/* A BTF map definition encodes numbers as array sizes and types as pointee types; libbpf reads them from BTF. */
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name

/* The simplest BTF-defined map in one line: a type, key and value types, and max_entries. */
#define BTF_MAP(name, map_type, key_type, value_type, entries) \
    struct { \
        __uint(type, map_type); \
        __type(key, key_type); \
        __type(value, value_type); \
        __uint(max_entries, entries); \
    } name SEC(".maps")

#define BPF_MAP_TYPE_HASH 1
#define BPF_MAP_TYPE_ARRAY 2
#define BPF_MAP_TYPE_PERCPU_HASH 5
#define BPF_MAP_TYPE_PERCPU_ARRAY 6
#define BPF_MAP_TYPE_LRU_HASH 9
#define BPF_MAP_TYPE_QUEUE 22
#define BPF_MAP_TYPE_STACK 23

/* libbpf's LIBBPF_PIN_BY_NAME: pin the map under the object's pin root by its name. */
#define LIBBPF_PIN_BY_NAME 1

#define BPF_ANY 0
#define BPF_NOEXIST 1
#define BPF_EXIST 2

#define XDP_PASS 2

#ifndef NULL
#define NULL ((void *) 0)
#endif

struct xdp_md {
    __u32 data;
    __u32 data_end;
    __u32 data_meta;
    __u32 ingress_ifindex;
    __u32 rx_queue_index;
    __u32 egress_ifindex;
};

static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *) 2;
static long (*bpf_map_delete_elem)(void *map, const void *key) = (void *) 3;
static __u32 (*bpf_get_smp_processor_id)(void) = (void *) 8;
static __u64 (*bpf_get_current_pid_tgid)(void) = (void *) 14;
static __u64 (*bpf_get_current_task)(void) = (void *) 35;
static long (*bpf_map_push_elem)(void *map, const void *value, __u64 flags) = (void *) 87;
static long (*bpf_probe_read_kernel)(void *dst, __u32 size, const void *unsafe_ptr) = (void *) 113;
static long (*bpf_loop)(__u32 nr_loops, void *callback_fn, void *callback_ctx, __u64 flags) = (void *) 181;

/* Only the fields read here; CO-RE relocates their offsets against the running kernel's BTF. */
struct task_struct {
    struct task_struct *real_parent;
    int tgid;
} __attribute__((preserve_access_index));

/* The tgid of the current task's parent, read through CO-RE (0 when it cannot be read). */
static inline __attribute__((always_inline)) __u32 parent_tgid(void)
{
    struct task_struct *task = (struct task_struct *) bpf_get_current_task();
    struct task_struct *parent = NULL;
    int tgid = 0;

    bpf_probe_read_kernel(&parent, sizeof(parent), &task->real_parent);
    bpf_probe_read_kernel(&tgid, sizeof(tgid), &parent->tgid);
    return (__u32) tgid;
}

#endif
