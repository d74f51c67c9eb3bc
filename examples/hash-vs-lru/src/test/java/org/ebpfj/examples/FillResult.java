package org.ebpfj.examples;

/**
 * {@code struct fill_result} from hash_vs_lru.bpf.c, as the BPF program counted one fill of one map. Components map
 * to the C members by name ({@code firstError} is {@code first_error}); the layout comes from the object's BTF.
 */
record FillResult(int inserted, int failed, int firstError, int lastKey) {
}
