package org.ebpfj.object.machine;


/**
 * Sizes of the kernel structures that enter map-create limits and memory estimates. They are 64-bit layouts and can
 * change between kernel builds, so a profile carries them; {@link #x86_64()} holds the values read from the BTF of
 * a 6.18 x86_64 kernel ({@code /sys/kernel/btf/vmlinux}).
 *
 * @param htabElem          {@code struct htab_elem}: the per-element header of hash maps (limits key + value)
 * @param htabBucket        {@code struct bucket} of hashtab.c
 * @param bpfArray          {@code struct bpf_array} without its values
 * @param lpmTrieNode       {@code struct lpm_trie_node} without its data
 * @param localStorageElem  {@code struct bpf_local_storage_elem} (limits local-storage values)
 * @param stackMapBucket    {@code struct stack_map_bucket} without its data
 * @param stackBuildId      {@code struct bpf_stack_build_id}, one frame of a build-id stack trace
 * @param shtabElem         {@code struct bpf_shtab_elem} (SOCKHASH element without its key)
 * @param shtabBucket       {@code struct bpf_shtab_bucket}
 * @param mapHeader         the common map struct of the simpler map types (queue/stack, bloom filter, cpumap...)
 * @param ringbufMetaPages  pages of a ring buffer that are not data ({@code RINGBUF_NR_META_PAGES})
 */
public record StructSizes(
        int htabElem,
        int htabBucket,
        int bpfArray,
        int lpmTrieNode,
        int localStorageElem,
        int stackMapBucket,
        int stackBuildId,
        int shtabElem,
        int shtabBucket,
        int mapHeader,
        int ringbufMetaPages) {

    public static StructSizes x86_64() {
        return new StructSizes(48, 16, 312, 24, 128, 16, 32, 48, 16, 312, 3);
    }
}
