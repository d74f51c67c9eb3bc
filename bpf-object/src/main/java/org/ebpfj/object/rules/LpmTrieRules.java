package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.ACCESS;
import static org.ebpfj.object.rules.CreateContext.fire;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/lpm_trie.c {@code trie_alloc}: one sanity expression, all EINVAL. */
final class LpmTrieRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.LPM_TRIE);
    /** 4-byte prefix length plus 1..256 data bytes. */
    static final long KEY_MIN = 5;
    static final long KEY_MAX = 260;
    private static final long DATA_MAX = 256;

    private LpmTrieRules() {
    }

    static List<KernelRule> alloc() {
        RuleTable t = RuleTable.of("lpm-trie", Stage.ALLOC, "trie_alloc", TYPES)
                .nonZero(AttrField.MAX_ENTRIES, "an LPM_TRIE needs room for at least one prefix")
                .requires(MapFlag.NO_PREALLOC, "BPF_F_NO_PREALLOC is required: trie nodes are allocated on insert",
                        "LPM_TRIE requires: trie nodes are allocated on insert, never preallocated")
                .flags(MapFlag.maskOf(MapFlag.NO_PREALLOC, MapFlag.NUMA_NODE) | ACCESS, "LPM_TRIE accepts "
                                + "NO_PREALLOC, NUMA_NODE and the access flags (not RDONLY_PROG with WRONLY_PROG)",
                        "NO_PREALLOC, NUMA_NODE, RDONLY, WRONLY, RDONLY_PROG, WRONLY_PROG");
        return t.add(t.rule("key-size", Errno.EINVAL, "the key is a 4-byte prefix length and 1..256 data bytes: "
                                + "key_size 5..260")
                        .field(AttrField.KEY_SIZE, k -> k < KEY_MIN || k > KEY_MAX, c -> ", but an LPM_TRIE key is "
                                + "a 4-byte prefix length followed by 1 to 256 data bytes: key_size must be 5..260"))
                .add(t.rule("value-size", Errno.EINVAL, "value_size 1..KMALLOC_MAX_SIZE − 256 − sizeof(struct "
                                + "lpm_trie_node) (4194024 on x86_64)")
                        .reads(AttrField.VALUE_SIZE)
                        .check(c -> {
                            long max = c.profile().kmallocMaxSize() - DATA_MAX - c.profile().structs().lpmTrieNode();
                            return fire(c.v() < 1 || c.v() > max, () -> "value_size is " + c.v()
                                    + ", but a trie node (header + up to 256 data bytes + value) must fit in "
                                    + "KMALLOC_MAX_SIZE: value_size must be 1.." + max);
                        }))
                .rules();
    }
}
