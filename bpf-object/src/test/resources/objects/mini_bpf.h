/* A deliberately small stand-in for libbpf's bpf_helpers.h, written for this project's test objects.
 * It only has what the test sources use, so the objects compile with a bare clang (no libbpf-dev). */
#ifndef MINI_BPF_H
#define MINI_BPF_H

typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef int __s32;
typedef long long __s64;

/* Place a definition in a named ELF section. */
#define SEC(name) __attribute__((section(name), used))

/* BTF map definitions encode numbers in types, the way libbpf reads them:
 * an integer N is a pointer to an array of N ints, a type T is a pointer to T,
 * and the values of a map-in-map or program array are a zero-length array of pointers. */
#define __uint(field, n) int (*field)[n]
#define __type(field, t) t *field
#define __array(field, def) __typeof__(def) *field[]
#define __ulong(field, n) enum { ___mini_bpf_##field = (n) } field

#define __kconfig __attribute__((section(".kconfig")))
#define __weak __attribute__((weak))
#define __hidden __attribute__((visibility("hidden")))

enum mini_map_type {
	MT_HASH = 1,
	MT_ARRAY = 2,
	MT_PROG_ARRAY = 3,
	MT_PERF_EVENT_ARRAY = 4,
	MT_PERCPU_HASH = 5,
	MT_PERCPU_ARRAY = 6,
	MT_LRU_HASH = 9,
	MT_LPM_TRIE = 11,
	MT_ARRAY_OF_MAPS = 12,
	MT_HASH_OF_MAPS = 13,
	MT_QUEUE = 22,
	MT_RINGBUF = 27,
	MT_BLOOM_FILTER = 30,
};

enum mini_map_flag {
	MF_NO_PREALLOC = 1 << 0,
	MF_NUMA_NODE = 1 << 2,
	MF_RDONLY_PROG = 1 << 7,
};

enum mini_pinning {
	PIN_NONE = 0,
	PIN_BY_NAME = 1,
};

/* Helper calls: the compiler emits "call N" for a call through a constant function pointer. */
static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
static long (*bpf_map_update_elem)(void *map, const void *key, const void *value, __u64 flags) = (void *)2;
static long (*bpf_trace_printk)(const char *fmt, __u32 fmt_size, ...) = (void *)6;
static long (*bpf_tail_call)(void *ctx, void *prog_array_map, __u32 index) = (void *)12;
static long (*bpf_map_push_elem)(void *map, const void *value, __u64 flags) = (void *)87;
static long (*bpf_ringbuf_output)(void *ringbuf, void *data, __u64 size, __u64 flags) = (void *)130;

#endif
