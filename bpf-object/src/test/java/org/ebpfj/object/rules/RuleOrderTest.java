package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Attributes that break several rules with different errnos: the kernel answers with the first check in its order.
 * Every errno here was confirmed on Linux 6.18.44.
 */
class RuleOrderTest {
    private static final MapRuleEngine ENGINE = new MapRuleEngine(KernelProfile.defaults());

    @ParameterizedTest(name = "{0} => {1} {2}")
    @CsvSource(delimiter = ';', textBlock = """
            LRU_HASH 0 8 16 NO_PREALLOC; ENOTSUPP; lru.no-prealloc
            LRU_HASH 4 4194300 16 NO_PREALLOC; ENOTSUPP; lru.no-prealloc
            LRU_HASH 4 8 16 NO_PREALLOC|MMAPABLE; EINVAL; hash.flags
            HASH 4 4194300 0 0; EINVAL; hash.max-entries
            PERCPU_HASH 4194300 40000 1 0; E2BIG; hash.key-value-size
            HASH 4 4194300 16 0 1; EINVAL; generic.map-extra
            HASH 4 4194300 16 RDONLY|WRONLY; EINVAL; generic.rdonly-wronly
            LRU_HASH 4 8 16 NO_PREALLOC|NUMA_NODE numa=3; EINVAL; generic.numa-node
            BLOOM_FILTER 4 4194305 0 MMAPABLE 0x10; E2BIG; bloom.value-size-limit
            QUEUE 1 4194305 1 0; EINVAL; queue-stack.key-size
            CGROUP_STORAGE 16 65408 1 NO_PREALLOC; E2BIG; cgroup-storage.value-size-limit
            CGROUP_STORAGE 4 65408 1 0; EINVAL; cgroup-storage.key-size
            SOCKHASH 513 4 134217729 0; E2BIG; sockhash.key-size-limit
            SOCKHASH 513 4 0 0; EINVAL; sockmap.max-entries
            STACK_TRACE 4 8 2147483649 MMAPABLE; EINVAL; stack-trace.flags
            STACK_TRACE 4 1024 2147483649 0; EINVAL; stack-trace.depth
            ARENA 0 0 1048577 MMAPABLE 0x1001; EINVAL; arena.address-alignment
            ARENA 0 0 1048577 MMAPABLE 0xfffff000; E2BIG; arena.size-limit
            ARRAY_OF_MAPS 4 4 0 0 inner=PROG_ARRAY:4:4:1:0; EINVAL; array.max-entries
            HASH_OF_MAPS 4 4 4294967295 0 inner=PROG_ARRAY:4:4:1:0; ENOTSUPP; map-in-map.inner-type
            HASH_OF_MAPS 4 4 4294967295 0 inner=ARRAY:4:4:1:0; E2BIG; hash.max-entries-limit
            HASH 4 8 4294967295 0 name=bad-name; E2BIG; hash.max-entries-limit
            ARRAY 4 8 4294967295 0 name=bad-name; ENOMEM; generic.memory
            RINGBUF 4 0 12288 RDONLY; EINVAL; ringbuf.flags
            DEVMAP_HASH 4 4 4294967295 RDONLY_PROG; EINVAL; devmap.flags
            PERCPU_ARRAY 4 40000 16 NUMA_NODE numa=0; EINVAL; percpu-array.numa-node
            ARRAY 4 2147483648 16 PRESERVE_ELEMS; EINVAL; array.preserve-elems
            LRU_HASH 4 8 16 0 btf=spin_lock name=bad-name; EINVAL; generic.map-name
            """)
    void theFirstFailingCheckWins(String line, String errno, String rule) throws Exception {
        Prediction p = ENGINE.predict(MapCreateAttr.parse(line));

        assertThat(p.errno().map(Enum::name)).as(p.toString()).hasValue(errno);
        assertThat(p.ruleId()).hasValue(rule);
    }

    @Test
    void theTwoRulesUsersNameSayWhatToDo() throws Exception {
        assertThat(ENGINE.predict(MapCreateAttr.parse("ARRAY 8 4 16 0")).message())
                .isEqualTo("key_size is 8, an ARRAY key is the 32-bit index: key_size must be 4");
        assertThat(ENGINE.predict(MapCreateAttr.parse("HASH 8 4194248 16 0")).message())
                .isEqualTo("key_size 8 + value_size 4194248 = 4194256 bytes, but a hash element (48-byte header + "
                        + "key + value) must fit in KMALLOC_MAX_SIZE (4194304 bytes (4 MiB)): key_size + value_size "
                        + "must be at most 4194255");
    }

    @Test
    void rulesThatReadAnUnknownFieldAreSkippedAndListed() throws Exception {
        Prediction p = ENGINE.predict(MapCreateAttr.parse("HASH 0 8 0 0"), java.util.Set.of(AttrField.MAX_ENTRIES));

        assertThat(p.ruleId()).hasValue("hash.key-size");
        assertThat(p.skipped()).containsExactly("hash.max-entries");
    }
}
