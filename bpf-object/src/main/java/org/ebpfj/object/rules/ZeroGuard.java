package org.ebpfj.object.rules;

import java.util.Optional;

import org.ebpfj.object.spec.MapCreateAttr;

/**
 * Which attribute fields a rule needs set to fire at all. Most rules of every type look at a flag, map_extra or the
 * BTF ids, and most maps set none of them: a rule that cannot fire while these fields are 0 says so, and the engine
 * then passes it with one bit test instead of calling it ({@code ZeroGuardTest} proves each such claim against the
 * rule itself). Fields are bits of a {@code long}.
 */
final class ZeroGuard {
    /** {@code map_flags} as user space sends it (before the kernel takes BPF_F_TOKEN_FD out). */
    static final long FLAGS = 1;
    static final long MAP_EXTRA = 1 << 1;
    static final long BTF_KEY = 1 << 2;
    static final long BTF_VALUE = 1 << 3;
    static final long BTF_VMLINUX_VALUE = 1 << 4;

    private ZeroGuard() {
    }

    /** The guarded fields this attribute sets. */
    static long nonZero(MapCreateAttr a) {
        return (a.flags() != 0 ? FLAGS : 0) | (a.mapExtra() != 0 ? MAP_EXTRA : 0)
                | (a.btfKeyTypeId() != 0 ? BTF_KEY : 0) | (a.btfValueTypeId() != 0 ? BTF_VALUE : 0)
                | (a.btfVmlinuxValueTypeId() != 0 ? BTF_VMLINUX_VALUE : 0);
    }

    /**
     * A check that passes whenever all of {@code fields} are 0. Called directly it is the check itself; the
     * engine's walk reads the guard and calls {@link #check} only when one of the fields is set.
     */
    record Guarded(long fields, KernelRule.Check check) implements KernelRule.Check {
        @Override
        public Optional<String> test(CreateContext c) {
            return check.test(c);
        }
    }

    /** The guard of a check, 0 when it has none. */
    static long of(KernelRule.Check check) {
        return check instanceof Guarded g ? g.fields() : 0;
    }

    /** The check without its guard. */
    static KernelRule.Check unguarded(KernelRule.Check check) {
        return check instanceof Guarded g ? g.check() : check;
    }
}
