package org.ebpfj.object.rules;

import java.util.Optional;
import java.util.function.Supplier;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * One BPF_MAP_CREATE attribute as the per-type checks see it on a given kernel, with the helpers the rules share.
 * The flags are those after {@code map_create()} has taken {@code BPF_F_TOKEN_FD} out (6.9+).
 */
public final class CreateContext {

    /** {@code BPF_F_ACCESS_MASK}: the access flags most types accept. */
    public static final long ACCESS = MapFlag.maskOf(MapFlag.RDONLY, MapFlag.WRONLY, MapFlag.RDONLY_PROG,
            MapFlag.WRONLY_PROG);

    private final MapCreateAttr attr;
    private final KernelProfile profile;
    private final long flags;
    private final long knownFlags;
    /** The {@link ZeroGuard} fields this attribute sets. */
    private final long nonZero;
    /** The memory estimate, made when a rule or the report first asks: the evaluations of one map share it. */
    private MemoryEstimate memory;
    /**
     * The messages of the rules that fired, by index in the walk that asked ({@link #verdict}); made on the first
     * firing rule. Settling a map's deferred fields evaluates the same attribute again with fewer fields unknown,
     * and a rule's verdict does not depend on which fields are unknown (they only decide whether it runs).
     */
    private KernelRules.Walk firedWalk;
    private String[] fired;

    /**
     * @param knownFlags  {@link KernelProfile#knownFlags()}, and {@code tokenFd} whether the profile has
     *                    BPF_F_TOKEN_FD: asked once per engine, not once per evaluation
     */
    CreateContext(MapCreateAttr attr, KernelProfile profile, long knownFlags, boolean tokenFd) {
        this.attr = attr;
        this.profile = profile;
        this.knownFlags = knownFlags;
        this.nonZero = ZeroGuard.nonZero(attr);
        this.flags = tokenFd ? attr.flags() & ~MapFlag.TOKEN_FD.mask() : attr.flags();
    }

    public MapCreateAttr attr() {
        return attr;
    }

    public KernelProfile profile() {
        return profile;
    }

    public Optional<MapType> type() {
        return attr.type();
    }

    public boolean is(MapType t) {
        return attr.typeId() == t.id();
    }

    public String typeName() {
        return attr.typeName();
    }

    public long k() {
        return attr.keySize();
    }

    public long v() {
        return attr.valueSize();
    }

    public long m() {
        return attr.maxEntries();
    }

    /** A size or count field by name (the flags are {@link #flags()}). */
    long value(AttrField field) {
        switch (field) {
            case KEY_SIZE:
                return k();
            case VALUE_SIZE:
                return v();
            case MAX_ENTRIES:
                return m();
            default:
                throw new IllegalArgumentException(field + " is not a size or count");
        }
    }

    /**
     * Rule {@code i} of {@code walk} on this attribute: null when it passes, else its message. A rule that fired in
     * an earlier evaluation of this attribute is not asked again, so its message is built once.
     */
    String verdict(KernelRules.Walk walk, int i) {
        long guard = walk.guards()[i];
        if (guard != 0 && (guard & nonZero) == 0) {
            return null; // the rule cannot fire while these fields are 0
        }
        if (fired != null && firedWalk == walk && fired[i] != null) {
            return fired[i];
        }
        Optional<String> message = walk.checks()[i].test(this);
        if (message.isEmpty()) {
            return null;
        }
        if (fired == null || firedWalk != walk) {
            fired = new String[walk.rules().length];
            firedWalk = walk;
        }
        fired[i] = message.get();
        return fired[i];
    }

    /**
     * What the map costs in kernel memory on this profile ({@link MemoryModel}), estimated once per context: the
     * totals and the basis, without the parts a report lists ({@link MemoryModel#estimate(MapCreateAttr,
     * KernelProfile)} has them).
     */
    MemoryEstimate memory() {
        if (memory == null) {
            memory = MemoryModel.estimate(attr, profile, false);
        }
        return memory;
    }

    /** The flags the per-type checks see. */
    public long flags() {
        return flags;
    }

    public boolean has(MapFlag f) {
        return f.isSetIn(flags);
    }

    /** {@code bpf_map_attr_numa_node}: the node when BPF_F_NUMA_NODE is set, else NUMA_NO_NODE (-1). */
    public int numaNode() {
        return has(MapFlag.NUMA_NODE) ? (int) attr.numaNode() : -1;
    }

    public boolean numaGiven() {
        return numaNode() != -1;
    }

    /** The bits outside a kernel create-flag mask; flags this kernel's UAPI lacks are outside every mask. */
    public long outside(long mask) {
        return flags & ~(mask & knownFlags);
    }

    /** {@code !bpf_map_flags_access_ok()}: RDONLY_PROG and WRONLY_PROG together. */
    public boolean progAccessConflict() {
        return has(MapFlag.RDONLY_PROG) && has(MapFlag.WRONLY_PROG);
    }

    /** The message of a failed flag-mask check: names the offending flags, or explains the PROG pair. */
    public Optional<String> flagsOutside(long mask, String allowedDescription) {
        long bad = outside(mask);
        if (bad != 0) {
            return Optional.of("map_flags has " + MapFlag.describe(bad) + ", which " + typeName()
                    + " does not accept on Linux " + profile.version() + ": allowed are " + allowedDescription);
        }
        return Optional.empty();
    }

    public Optional<String> flagsOutsideOrProgConflict(long mask, String allowedDescription) {
        Optional<String> bad = flagsOutside(mask, allowedDescription);
        if (bad.isPresent() || !progAccessConflict()) {
            return bad;
        }
        return Optional.of("map_flags has both RDONLY_PROG and WRONLY_PROG: a program cannot be denied both "
                + "reads and writes");
    }

    /** The message, built only when the rule fires: most checks pass, and a build checks every map. */
    public static Optional<String> fire(boolean condition, Supplier<String> message) {
        return condition ? Optional.of(message.get()) : Optional.empty();
    }

    public static long roundUp8(long v) {
        return (v + 7) & ~7L;
    }

    /** {@code roundup_pow_of_two} on a 64-bit long (values up to 2^32). */
    public static long roundUpPowerOfTwo(long v) {
        if (v <= 1) {
            return 1;
        }
        return Long.highestOneBit(v - 1) << 1;
    }

    public static boolean isPowerOfTwo(long v) {
        return v > 0 && (v & (v - 1)) == 0;
    }

    /** Renders a byte count as {@code 4194304 bytes (4 MiB)} when a binary unit reads better. */
    public static String bytes(long n) {
        return n + " bytes" + Sizes.humanSuffix(n);
    }
}
