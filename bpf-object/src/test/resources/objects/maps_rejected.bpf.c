/* Definitions libbpf itself refuses while opening the object (parse_btf_map_def and friends). */
#include "mini_bpf.h"

/* Unknown field: libbpf in strict mode (the default) fails with -ENOTSUP. */
struct {
	__uint(type, MT_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
	__uint(color, 3);
} unknown_field SEC(".maps");

/* key_size says 4, the key type is 8 bytes: "conflicting key size", -EINVAL. */
struct {
	__uint(type, MT_HASH);
	__uint(max_entries, 8);
	__uint(key_size, 4);
	__type(key, __u64);
	__type(value, __u32);
} key_size_mismatch SEC(".maps");

/* Only LIBBPF_PIN_NONE (0) and LIBBPF_PIN_BY_NAME (1) exist: -EINVAL. */
struct {
	__uint(type, MT_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
	__uint(pinning, 2);
} bad_pinning SEC(".maps");

struct plain_array {
	__uint(type, MT_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
};

/* An inner map on a type that is neither map-in-map nor PROG_ARRAY: -ENOTSUP. */
struct {
	__uint(type, MT_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__array(values, struct plain_array);
} values_on_hash SEC(".maps");

/* No type at all: "map type isn't specified", -EINVAL. */
struct {
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} no_type SEC(".maps");

/* Static maps have static BTF linkage: "unsupported map linkage static", -EOPNOTSUPP. */
static struct {
	__uint(type, MT_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} static_map SEC(".maps");

/* A static function outside .text is a program libbpf refuses: -ENOTSUP. */
SEC("xdp")
static int static_prog(void *ctx)
{
	return 2;
}

SEC("xdp")
int use_maps(void *ctx)
{
	__u32 k = 0;

	bpf_map_lookup_elem(&unknown_field, &k);
	bpf_map_lookup_elem(&key_size_mismatch, &k);
	bpf_map_lookup_elem(&bad_pinning, &k);
	bpf_map_lookup_elem(&values_on_hash, &k);
	bpf_map_lookup_elem(&no_type, &k);
	bpf_map_lookup_elem(&static_map, &k);
	return 2;
}

char LICENSE[] SEC("license") = "GPL";
