package org.ebpfj.kernel.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ebpfj.kernel.Capability;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.Prediction;
import org.ebpfj.object.rules.Stage;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.Errno;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proof that the offline map rules are exact: thousands of BPF_MAP_CREATE attributes, boundary and random,
 * are sent to the running kernel through the raw bpf() syscall, and every errno (or success) must equal what
 * {@link MapRuleEngine#predict} says for the machine's own profile ({@link KernelProfile#readRunning()}).
 *
 * <p>Knobs (system properties): {@code bpf.differential.seed} (printed on every run; else the environment's
 * {@code BPF_DIFFERENTIAL_SEED}, which CI derives from the commit; random by default),
 * {@code bpf.differential.count} (random attributes compared after the boundary cases, default 10,000),
 * {@code bpf.differential.createMiB} (the most memory, in MiB, a boundary attribute may allocate; default 12),
 * {@code bpf.differential.boundaryStride} (compare every n-th boundary case of each map type, its first always, so
 * that a short run still covers every type; default 1, all of them: QEMU guests under TCG use a sample).
 *
 * <p>Not compared, by construction:
 * <ul>
 *   <li>attributes whose map the kernel could allocate more than 64 MiB for, if it accepted them (see
 *       {@link MemoryGuard}); they are counted as "guarded". Among them every map between 64 MiB and RAM: whether
 *       the kernel finds the memory (ENOMEM between free and total RAM) depends on the machine at that moment,
 *       which the rules do not model, and allocating it would disturb the machine. Maps larger than RAM are
 *       compared when the kernel refuses them at once;</li>
 *   <li>attributes the kernel is predicted to allocate for (it creates them, or refuses them after allocating:
 *       ENOMEM, the name, BTF) when that is more than 12 MiB (1 MiB for random attributes) or more than 65536
 *       per-CPU elements: counted as "budget". Their checks are cheap, the allocating and freeing is not; every
 *       limit on one element is still met, with max_entries 1;</li>
 *   <li>BTF (btf_fd, type ids), tokens, offload (map_ifindex), exclusive programs: only fields a raw attribute
 *       carries without other kernel objects are sent, so local storage and STRUCT_OPS are compared in their
 *       refusals (predicted EINVAL without BTF);</li>
 *   <li>names with bytes above 0x7F: the kernel's ctype tables treat Latin-1 letters as alphanumeric, while
 *       the attribute model holds a Java string; generated names are ASCII;</li>
 *   <li>an attribute with NUMA_NODE unset carries numa_node 0 (the kernel ignores the field then).</li>
 * </ul>
 * Not compared, because the answer is the machine's and not the kernel code's (both counted and printed):
 * <ul>
 *   <li>attributes of a type this machine refuses by policy ({@link MachinePolicy}: its plainest valid definition
 *       gets EPERM with every capability), when the kernel answers EPERM;</li>
 *   <li>maps larger than RAM, predicted ENOMEM, that the kernel refuses at once with another errno: on the
 *       2026-12 sandbox kernel a SOCKMAP with max_entries above INT_MAX gets EINVAL before any allocation, where
 *       the upstream sock_map_alloc() tries the allocation and answers ENOMEM.</li>
 * </ul>
 * The rules take inner_map_fd 0 (no inner map) and map_token_fd 0 (TOKEN_FD without a token) to be descriptors of
 * no BPF object, which the kernel answers with EINVAL; so fd 0 must be open and not a BPF object (in a test fork it
 * is the fork's stdin), which the test checks first.
 * The rules assume a creator with every capability, so the test needs CAP_SYS_ADMIN and CAP_NET_ADMIN (root).
 */
@ExtendWith(RequireBpf.class)
class MapCreateDifferentialTest {
    static final String SEED_PROPERTY = "bpf.differential.seed";
    static final String SEED_ENVIRONMENT = "BPF_DIFFERENTIAL_SEED";
    static final String COUNT_PROPERTY = "bpf.differential.count";
    static final String BUDGET_PROPERTY = "bpf.differential.createMiB";
    static final String STRIDE_PROPERTY = "bpf.differential.boundaryStride";
    private static final int DEFAULT_COUNT = 10_000;
    /** The most kernel memory an attribute may cost if the kernel accepted it, whatever the prediction. */
    private static final long GUARD_BYTES = 64L << 20;
    /**
     * Attributes the kernel is predicted to allocate for really cost time, in allocating and freeing rather than in
     * the syscall's checks. To keep the run short they are created up to this size (default 12 MiB: three times
     * KMALLOC_MAX_SIZE, so that every limit on one element is met, with room for a queue's spare slot), random ones
     * up to {@link #RANDOM_BUDGET}.
     */
    private static final long DEFAULT_BUDGET_MIB = 12;
    private static final long RANDOM_BUDGET = 1L << 20;
    /** Per-CPU maps cost time per element (one per-CPU allocation each) rather than per byte. */
    private static final long PER_CPU_ALLOCATIONS = 1 << 16;
    /** Random attributes drawn per one compared; guarded ones are drawn again, but never forever. */
    private static final int MAX_DRAWS_PER_COMPARED = 20;

    private final DifferentialTally tally = new DifferentialTally();
    private final long budget = Math.min(GUARD_BYTES, Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET_MIB) << 20);
    private MapRuleEngine engine;
    private MemoryGuard guard;
    private RawMapCreate kernel;
    private MachinePolicy policy;

    @Test
    void everyErrnoIsTheOnePredicted() throws IOException {
        requireEveryCapability();
        String fd0 = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
        assertThat(fd0).as("fd 0, which the kernel sees as inner_map_fd 0 and map_token_fd 0")
                .doesNotStartWith("anon_inode:bpf");
        long seed = Long.getLong(SEED_PROPERTY, seedFromEnvironment().orElseGet(System::nanoTime));
        int count = Integer.getInteger(COUNT_PROPERTY, DEFAULT_COUNT);
        KernelProfile profile = KernelProfile.readRunning();
        engine = new MapRuleEngine(profile);
        guard = new MemoryGuard(engine);
        AttrGenerator generator = new AttrGenerator(profile, seed);

        long start = System.nanoTime();
        int stride = Math.max(1, Integer.getInteger(STRIDE_PROPERTY, 1));
        List<AttrGenerator.Generated> boundaries = everyNthOfEachType(generator.boundaryCases(), stride);
        try (RawMapCreate raw = new RawMapCreate()) {
            kernel = raw;
            policy = MachinePolicy.probe(raw, engine);
            for (AttrGenerator.Generated g : boundaries) {
                compare(g);
            }
            long draws = 0;
            while (tally.randomCompared() < count && draws < (long) count * MAX_DRAWS_PER_COMPARED) {
                compare(generator.randomCase());
                draws++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        String report = "map-create differential: seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed + " repeats "
                + "this run)\n  profile: " + profile + "\n  " + boundaries.size() + " boundary (every "
                + stride + ". of each map type) + "
                + tally.randomCompared() + " random attributes compared: " + tally.compared() + " in "
                + String.format("%.1f", seconds) + " s, " + tally.disagreements().size() + " disagreements; "
                + tally.guarded() + " not created: memory guard (could cost more than " + (GUARD_BYTES >> 20)
                + " MiB), " + tally.overBudget() + " not created: the kernel would first allocate more than "
                + (budget >> 20) + " MiB (" + (RANDOM_BUDGET >> 20) + " MiB for random attributes; -D"
                + BUDGET_PROPERTY + ") or " + PER_CPU_ALLOCATIONS + " per-CPU elements\n"
                + indent(tally.table())
                + "  refusals per rule: " + tally.agreedRules() + "\n"
                + "  not compared, refused by this machine's policy: " + tally.refusedByPolicy() + " "
                + policy.refused() + "\n"
                + "  larger than RAM, predicted ENOMEM, refused before allocating with another errno: "
                + tally.largerThanRamOtherErrno() + "\n"
                + "  rules no refusal exercised: " + tally.rulesNeverSeen();
        System.out.println(report);

        List<DifferentialTally.Disagreement> wrong = tally.disagreements();
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " attributes where the kernel and the rules disagree (seed " + seed + "; paste a "
                    + "line into the CLI's predict):\n" + wrong.stream().limit(DifferentialTally.SHOWN)
                    .map(DifferentialTally.Disagreement::render).collect(Collectors.joining("\n"))
                    + (wrong.size() > DifferentialTally.SHOWN ? "\n... and " + (wrong.size() - DifferentialTally.SHOWN)
                    + " more" : ""));
        }
        assertThat(tally.randomCompared()).as("random attributes compared").isGreaterThanOrEqualTo(count);
    }

    /**
     * {@code BPF_DIFFERENTIAL_SEED}, which CI sets from the commit so that a run of the same commit draws the same
     * attributes (the property still wins, and without either the seed is random).
     */
    private static Optional<Long> seedFromEnvironment() {
        String s = System.getenv(SEED_ENVIRONMENT);
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_ENVIRONMENT + "='" + s + "' is not a whole number", e);
        }
    }

    /** The first boundary case of each map type and every n-th after it, in their order. */
    static List<AttrGenerator.Generated> everyNthOfEachType(List<AttrGenerator.Generated> all, int n) {
        java.util.Map<Long, Integer> seen = new java.util.HashMap<>();
        List<AttrGenerator.Generated> out = new java.util.ArrayList<>();
        for (AttrGenerator.Generated g : all) {
            int i = seen.merge(g.attr().typeId(), 1, Integer::sum) - 1;
            if (i % n == 0) {
                out.add(g);
            }
        }
        return out;
    }

    /** Predicts, guards, creates, compares one attribute. */
    private void compare(AttrGenerator.Generated g) {
        MapCreateAttr attr = g.attr();
        Prediction predicted = engine.predict(attr);
        MemoryGuard.Verdict verdict = guard.judge(attr, GUARD_BYTES);
        if (verdict == MemoryGuard.Verdict.TOO_LARGE) {
            tally.guarded(attr);
            return;
        }
        long limit = g.kind().startsWith("random") ? Math.min(budget, RANDOM_BUDGET) : budget;
        for (Optional<MapCreateAttr> a = Optional.of(attr); a.isPresent(); a = a.get().innerMap()) {
            Prediction p = a.get() == attr ? predicted : engine.predict(a.get());
            if (allocates(p) && !guard.cheap(a.get(), limit, PER_CPU_ALLOCATIONS)) {
                tally.overBudget(attr);
                return;
            }
        }
        int result = create(kernel, attr);
        int errno = result < 0 ? -result : 0;
        boolean refusedAtOnce = verdict == MemoryGuard.Verdict.REFUSED_AT_ONCE;
        if (errno == Errno.EPERM.number() && policy.covers(attr)) {
            tally.refusedByPolicy(attr);
        } else if (refusedAtOnce && errno != 0 && errno != Errno.ENOMEM.number()
                && predicted.errno().filter(e -> e == Errno.ENOMEM).isPresent()) {
            tally.largerThanRam(attr, errno);
        } else {
            tally.compared(g, line(attr), errno, predicted, refusedAtOnce);
        }
    }

    /**
     * Whether the kernel allocates the map before it answers: it creates it, or refuses it in or after the
     * allocations (memory, then the name, then BTF: map_create checks those on the allocated map).
     */
    private static boolean allocates(Prediction p) {
        return p.rule().map(r -> r.stage().compareTo(Stage.MEMORY) >= 0).orElse(true);
    }

    /** Creates the inner maps first, as a loader would; @return 0 when the map was created, else -errno. */
    private static int create(RawMapCreate kernel, MapCreateAttr attr) {
        int fd = createAndKeep(kernel, attr);
        if (fd < 0) {
            return fd;
        }
        kernel.closeFd(fd);
        return 0;
    }

    /** Creates the map after its inner maps, which are closed again; @return the map's fd or -errno. */
    private static int createAndKeep(RawMapCreate kernel, MapCreateAttr attr) {
        int innerFd = 0;
        if (attr.innerMap().isPresent()) {
            innerFd = createAndKeep(kernel, attr.innerMap().get());
            if (innerFd < 0) {
                return innerFd;
            }
        }
        try {
            return kernel.create(attr, innerFd);
        } finally {
            if (innerFd > 0) {
                kernel.closeFd(innerFd);
            }
        }
    }

    /** The CLI's line format; an inner map's own inner map (nested maps of maps) is not in it, so it is added. */
    static String line(MapCreateAttr attr) {
        String s = attr.toString();
        Optional<MapCreateAttr> innerInner = attr.innerMap().flatMap(MapCreateAttr::innerMap);
        return innerInner.map(i -> s + "   [the inner map's own inner map: " + i + "]").orElse(s);
    }

    private static String indent(String table) {
        return table.lines().map(l -> "    " + l + "\n").collect(Collectors.joining());
    }

    /** The rules assume root: ZERO_SEED needs CAP_SYS_ADMIN, socket and device maps CAP_NET_ADMIN. */
    private static void requireEveryCapability() {
        long caps = Kernel.effectiveCapabilities();
        boolean all = Capability.CAP_SYS_ADMIN.isIn(caps) && Capability.CAP_NET_ADMIN.isIn(caps);
        String reason = "the differential test compares against rules for a creator with every capability; this "
                + "process has " + Capability.in(caps);
        if (!all && (org.ebpfj.object.machine.StrictMode.isOn())) {
            throw new AssertionError(reason + " (strict mode: bpf.test.strict=true)");
        }
        Assumptions.assumeTrue(all, reason);
    }
}
