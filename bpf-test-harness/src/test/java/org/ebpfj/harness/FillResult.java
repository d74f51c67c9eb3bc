package org.ebpfj.harness;

import org.ebpfj.kernel.codec.BpfField;

/** {@code struct fill_result} of hash_vs_lru.bpf.c: what one fill did to one map, as the program counted it. */
record FillResult(int inserted, int failed, @BpfField("first_error") int firstError,
                  @BpfField("first_failed_key") int firstFailedKey, int cpu) {
}
