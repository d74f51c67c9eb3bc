package org.ebpfj.object.rules;

import static org.ebpfj.object.rules.CreateContext.fire;
import static org.ebpfj.object.rules.CreateContext.isPowerOfTwo;
import static org.ebpfj.object.rules.KernelRule.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** kernel/bpf/ringbuf.c {@code ringbuf_map_alloc}, shared by RINGBUF and USER_RINGBUF. */
final class RingbufRules {
    static final Set<MapType> TYPES = EnumSet.of(MapType.RINGBUF, MapType.USER_RINGBUF);
    private static final String ALLOC = "ringbuf_map_alloc";

    private RingbufRules() {
    }

    static List<KernelRule> alloc() {
        return List.of(
                rule("ringbuf.flags", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("ring buffers accept only NUMA_NODE (not even RDONLY/WRONLY)")
                        .flagsWithin(MapFlag.NUMA_NODE.mask(), "only NUMA_NODE"),
                rule("ringbuf.key-value-size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("ring buffers have no key or value: key_size and value_size must be 0")
                        .noKeyOrValue(c -> "but a " + c.typeName() + " has neither (records are variable-sized)"),
                rule("ringbuf.size", Stage.ALLOC, Errno.EINVAL, ALLOC, TYPES)
                        .summary("max_entries is the buffer size in bytes: a power of two and a multiple of the page "
                                + "size")
                        .reads(AttrField.MAX_ENTRIES)
                        .check(c -> {
                            long page = c.profile().pageSize();
                            boolean ok = isPowerOfTwo(c.m()) && c.m() % page == 0;
                            return fire(!ok, () -> "max_entries is " + c.m() + ", but for a " + c.typeName()
                                    + " it is the buffer size in bytes and must be a power of two and a multiple "
                                    + "of the page size (" + page + "): e.g. " + suggestion(c.m(), page));
                        }));
    }

    private static long suggestion(long m, long page) {
        long s = page;
        while (s < m && s < (1L << 31)) {
            s <<= 1;
        }
        return s;
    }
}
