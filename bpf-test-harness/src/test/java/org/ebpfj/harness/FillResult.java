package org.ebpfj.harness;

/**
 * {@code struct fill_result} of hash_vs_lru.bpf.c: what one fill did to one map, as the program counted it.
 * Components map to the C members by their snake_case names ({@code firstError} is {@code first_error}).
 */
record FillResult(int inserted, int failed, int firstError, int firstFailedKey, int cpu) {
}
