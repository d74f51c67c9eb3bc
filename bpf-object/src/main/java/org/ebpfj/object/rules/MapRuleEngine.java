package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.spec.MapField;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.spec.SpecProblem;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * Predicts what BPF_MAP_CREATE answers, offline, for one {@link KernelProfile}. Two entry points:
 * <ul>
 *   <li>{@link #predict(MapCreateAttr)}: the raw attribute as the kernel receives it; OK or the first failing rule
 *       in kernel order with its errno. Assumes a creator with every capability (root) and no BTF unless given.</li>
 *   <li>{@link #check(MapSpec)} / {@link #check(ObjectSpec)}: a map definition as a libbpf-based loader creates it
 *       (its refusals, adjustments and retry without BTF first), then the kernel's first error, then warnings
 *       (LRU capacity, memory).</li>
 * </ul>
 */
public final class MapRuleEngine {
    /** LRU maps keeping less than this share of max_entries get a warning instead of a note. */
    private static final double LRU_WARNING_SHARE = 0.9;
    /** The inputs of the memory estimate and the LRU capacity, as {@link AttrField#bit()}s. */
    private static final MapField[] MAP_FIELDS = MapField.values();
    private static final long SIZES = AttrField.KEY_SIZE.bit() | AttrField.VALUE_SIZE.bit()
            | AttrField.MAX_ENTRIES.bit() | AttrField.MAP_FLAGS.bit();

    private final KernelProfile profile;
    private final CheckOptions options;
    /** The profile's answers every evaluation needs ({@link CreateContext}), asked once. */
    private final long knownFlags;
    private final boolean tokenFd;

    public MapRuleEngine(KernelProfile profile) {
        this(profile, CheckOptions.defaults());
    }

    public MapRuleEngine(KernelProfile profile, CheckOptions options) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.options = Objects.requireNonNull(options, "options");
        this.knownFlags = profile.knownFlags();
        this.tokenFd = profile.hasFlag(MapFlag.TOKEN_FD);
    }

    public KernelProfile profile() {
        return profile;
    }

    public CheckOptions options() {
        return options;
    }

    /** The kernel's answer to this attribute, every input known. */
    public Prediction predict(MapCreateAttr attr) {
        return predict(attr, Set.of());
    }

    /**
     * The kernel's answer when some inputs are not known yet: rules reading them are skipped (and listed in
     * {@link Prediction#skipped()}), the others still run in kernel order.
     */
    public Prediction predict(MapCreateAttr attr, Set<AttrField> unknown) {
        long unknownBits = AttrField.bits(unknown);
        // A map of maps takes an existing map as its template: that map must have been created first.
        if (attr.innerMap().isPresent() && MapInMapRules.isMapOfMaps(attr.typeId())
                && (unknownBits & AttrField.INNER_MAP.bit()) == 0) {
            Prediction inner = predict(attr.innerMap().get(), Set.of());
            if (!inner.ok()) {
                return Prediction.failed(attr, inner.rule().orElseThrow(), "inner map (" + inner.attr().typeName()
                        + "): " + inner.message(), true, inner.skipped());
            }
        }
        return evaluate(context(attr), unknownBits);
    }

    /** The attribute as the rules see it on this engine's profile; one per attribute, shared by its evaluations. */
    private CreateContext context(MapCreateAttr attr) {
        return new CreateContext(attr, profile, knownFlags, tokenFd);
    }

    /** The rules of the attribute's type in kernel order, skipping those reading an unknown field (bits). */
    private Prediction evaluate(CreateContext ctx, long unknown) {
        MapCreateAttr attr = ctx.attr();
        List<String> skipped = List.of();
        KernelRules.Walk walk = (unknown & AttrField.TYPE.bit()) != 0 ? KernelRules.typelessWalk()
                : KernelRules.walk(attr.typeId());
        KernelRule[] rules = walk.rules();
        long[] reads = walk.reads();
        for (int i = 0; i < rules.length; i++) {
            if ((reads[i] & unknown) != 0) {
                if (skipped.isEmpty()) {
                    skipped = new ArrayList<>();
                }
                skipped.add(rules[i].id());
                continue;
            }
            String message = ctx.verdict(walk, i);
            if (message != null) {
                return Prediction.failed(attr, rules[i], message, false, skipped);
            }
        }
        return Prediction.created(attr, skipped);
    }

    /**
     * A field the object leaves out is sent as 0 unless user space sets it. Where the kernel accepts 0 for this type
     * (map_flags almost always, key_size of a QUEUE, ...) leaving it out is simply the definition; only a field whose
     * 0 the kernel refuses is left to user space, with a warning, and the rules reading it wait for an override.
     * Fields are bits ({@link AttrField#bit()}).
     */
    private Settled settleDeferred(MapSpec spec, CreateContext ctx, long deferred, long unknown,
                                   List<Violation> out) {
        long typeBit = AttrField.TYPE.bit();
        long allSettled = unknown & ~(deferred & ~typeBit);
        Prediction allZero = allSettled != unknown ? evaluate(ctx, allSettled) : null;
        if (allZero != null && allZero.ok()) {
            // No rule fires with every deferred field at 0, so none fires with fewer of them known (skipping rules
            // cannot make one fire): each 0 is simply the definition, found in one evaluation instead of one each.
            if ((deferred & unknown & typeBit) != 0) {
                out.add(Findings.of(LoaderRules.DEFERRED_FIELD, spec, LibbpfCreation.deferredMessage(spec,
                        MapField.TYPE)));
            }
            return new Settled(allSettled, allZero);
        }
        long stillUnknown = unknown;
        for (MapField field : MAP_FIELDS) {
            long f = AttrField.bitOf(field) & deferred & stillUnknown;
            if (f == 0 || f == typeBit) {
                if (f != 0) {
                    out.add(Findings.of(LoaderRules.DEFERRED_FIELD, spec, LibbpfCreation.deferredMessage(spec, field)));
                }
                continue;
            }
            Prediction p = evaluate(ctx, stillUnknown & ~f);
            boolean zeroRefused = p.rule().isPresent() && (AttrField.bits(p.rule().get().reads()) & f) != 0;
            if (zeroRefused) {
                out.add(Findings.of(LoaderRules.DEFERRED_FIELD, spec, LibbpfCreation.deferredMessage(spec, field)));
            } else {
                stillUnknown &= ~f;
            }
        }
        return new Settled(stillUnknown, null);
    }

    /** The inputs still unknown (bits) once the deferred fields are settled, and the answer when already known. */
    private record Settled(long unknown, Prediction prediction) {
    }

    /** What the map costs in kernel memory on this profile. */
    public MemoryEstimate estimate(MapCreateAttr attr) {
        return MemoryModel.estimate(attr, profile);
    }

    /** How many entries an LRU map keeps on this profile; empty for other types. */
    public Optional<LruCapacity> lruCapacity(MapCreateAttr attr) {
        return isLru(attr.typeId()) ? Optional.of(lruOf(attr)) : Optional.empty();
    }

    /** The findings for one map definition, as a libbpf loader would create it. */
    public List<Violation> check(MapSpec spec) {
        return report(spec).violations();
    }

    /** The findings for a whole object: the reader's loader problems, unknown overrides, then each map's. */
    public List<Violation> check(ObjectSpec object) {
        List<Violation> all = problems(object);
        for (MapSpec m : object.maps()) {
            examine(m, all, false);
        }
        return all;
    }

    /** One report per map of the object, in definition order. */
    public List<MapReport> reports(ObjectSpec object) {
        List<MapReport> reports = new ArrayList<>();
        for (MapSpec m : object.maps()) {
            reports.add(report(m));
        }
        return reports;
    }

    /** The object-level findings: the reader's SpecProblems and overrides naming maps the object lacks. */
    public List<Violation> problems(ObjectSpec object) {
        List<Violation> out = new ArrayList<>();
        for (SpecProblem p : object.problems()) {
            String type = object.map(p.mapName()).map(MapSpec::typeName).orElse("-");
            out.add(new Violation("libbpf." + p.code(), Severity.ERROR, p.errno(), p.mapName(), type, p.location(),
                    p.message(), LoaderRules.SPEC_PROBLEM.kernelFunction()));
        }
        for (String name : options.overrides().isEmpty() ? Set.<String>of() : options.overrides().mapNames()) {
            if (object.map(name).isEmpty()) {
                out.add(new Violation(LoaderRules.UNKNOWN_OVERRIDE.id(), Severity.WARNING, Optional.empty(), name, "-",
                        SourceLocation.ofObject(object.file()),
                        "<mapOverrides> names map '" + name + "', which " + object.file() + " does not define (maps: "
                                + object.maps().stream().map(MapSpec::name).toList() + ")", "-"));
            }
        }
        return out;
    }

    /** Everything known about one map definition. */
    public MapReport report(MapSpec declared) {
        return examine(declared, new ArrayList<>(), true);
    }

    /**
     * Checks one map definition as libbpf creates it, adding its findings to {@code out}. With {@code wantReport}
     * it also returns everything known about the map; without (the check of an object, which needs only the
     * findings) it returns null and builds nothing else.
     */
    private MapReport examine(MapSpec declared, List<Violation> out, boolean wantReport) {
        int start = out.size();
        MapSpec spec = options.overrides().applyTo(declared);
        LibbpfCreation.View view = LibbpfCreation.of(spec, profile);
        if (!view.notes().isEmpty()) {
            out.addAll(view.notes()); // addAll copies even an empty list into an array: most maps have no note
        }
        if ((view.unknown() & AttrField.TYPE.bit()) != 0) {
            // Without a type no kernel rule can be chosen: every field left out is user space's to set.
            for (MapField field : spec.deferred()) {
                out.add(Findings.of(LoaderRules.DEFERRED_FIELD, spec, LibbpfCreation.deferredMessage(spec, field)));
            }
            return wantReport ? new MapReport(spec, Optional.empty(), Optional.empty(), out.subList(start,
                    out.size()), Optional.empty(), Optional.empty()) : null;
        }
        MapCreateAttr attr = view.attr();
        if (spec.innerMap().isPresent() && MapInMapRules.isMapOfMaps(spec.typeId())) {
            int innerStart = out.size();
            MapReport inner = examine(LibbpfCreation.innerSpec(spec), out, wantReport);
            if (!creatable(out, innerStart)) {
                // libbpf stops at the inner map: "failed to create inner map".
                return wantReport ? report(spec, attr, inner.prediction(), out, start) : null;
            }
        }
        // The inner map was checked on its own above (libbpf creates it first): evaluate, not predict.
        CreateContext ctx = context(attr);
        Settled settled = settleDeferred(spec, ctx, view.deferred(), view.unknown(), out);
        long unknown = settled.unknown();
        Prediction prediction = settled.prediction() != null ? settled.prediction() : evaluate(ctx, unknown);
        if (!prediction.ok()) {
            KernelRule rule = prediction.rule().orElseThrow();
            if (rule.stage() == Stage.BTF) {
                Prediction retry = evaluate(context(attr.withoutBtf()), unknown);
                if (retry.ok()) {
                    out.add(Findings.of(LoaderRules.BTF_RETRY, spec, "the kernel rejects the map's BTF: "
                            + prediction.message() + " (" + rule.errno().name() + ", [" + rule.id() + "]); libbpf "
                            + "retries without BTF and the map is created, but without BTF: special fields "
                            + "(locks, timers, kptrs) then fail in the verifier"));
                    prediction = retry;
                } else {
                    KernelRule retryRule = retry.rule().orElseThrow();
                    out.add(Findings.error(retryRule, retryRule.errno(), spec, retry.message() + " (after libbpf "
                            + "retried without BTF; with BTF the kernel said: " + prediction.message() + ", "
                            + rule.errno().name() + ")"));
                    return wantReport ? report(spec, attr, Optional.of(retry), out, start) : null;
                }
            } else {
                out.add(Findings.error(rule, rule.errno(), spec, prediction.message()));
                return wantReport ? report(spec, attr, Optional.of(prediction), out, start) : null;
            }
        }
        boolean sizesKnown = (unknown & SIZES) == 0;
        MemoryEstimate memory = sizesKnown ? ctx.memory() : null;
        if (memory != null) {
            memoryAdvice(spec, memory).ifPresent(out::add);
        }
        LruCapacity lru = sizesKnown && isLru(attr.typeId()) ? lruOf(attr) : null;
        if (lru != null) {
            out.add(lruAdvice(spec, lru));
        }
        if (spec.is(MapType.PERF_EVENT_ARRAY) && (view.unknown() & AttrField.MAX_ENTRIES.bit()) == 0
                && attr.maxEntries() < profile.possibleCpus()) {
            out.add(Findings.of(AdviceRules.PERF_EVENT_ARRAY_CPUS, spec, "max_entries is " + attr.maxEntries()
                    + ", fewer than the " + profile.possibleCpus() + " possible CPUs: bpf_perf_event_output() with "
                    + "BPF_F_CURRENT_CPU fails with E2BIG on CPU " + attr.maxEntries() + " and above; leave "
                    + "max_entries unset so libbpf sizes it"));
        }
        LayoutAdvice.check(spec, out);
        // The report lists the estimate's parts; the rules and the advice above needed only its totals.
        Optional<MemoryEstimate> itemised = wantReport && memory != null ? Optional.of(estimate(attr))
                : Optional.empty();
        return wantReport ? new MapReport(spec, Optional.of(attr), Optional.of(prediction), out.subList(start,
                out.size()), itemised, Optional.ofNullable(lru)) : null;
    }

    /** The report of a map that is not created: no memory, no capacity. */
    private static MapReport report(MapSpec spec, MapCreateAttr attr, Optional<Prediction> prediction,
                                    List<Violation> out, int start) {
        return new MapReport(spec, Optional.of(attr), prediction, out.subList(start, out.size()), Optional.empty(),
                Optional.empty());
    }

    /** No error among the findings from {@code start} on ({@link MapReport#creatable()}). */
    private static boolean creatable(List<Violation> out, int start) {
        for (int i = start; i < out.size(); i++) {
            if (out.get(i).severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLru(long typeId) {
        return typeId == MapType.LRU_HASH.id() || typeId == MapType.LRU_PERCPU_HASH.id();
    }

    private LruCapacity lruOf(MapCreateAttr attr) {
        return LruModel.capacity(attr.maxEntries(), attr.has(MapFlag.NO_COMMON_LRU), profile);
    }

    private Optional<Violation> memoryAdvice(MapSpec spec, MemoryEstimate m) {
        long ram = profile.totalRamBytes();
        if (m.fullBytes() > ram) {
            return Optional.of(Findings.of(AdviceRules.MEMORY_LARGE, spec, "the map can grow to "
                    + Sizes.human(m.fullBytes()) + " (" + m.basis() + "), more than the target's RAM ("
                    + Sizes.human(ram) + "): inserts will fail with ENOMEM before it is full"));
        }
        long threshold = options.memoryWarningBytes();
        long biggest = Math.max(m.upfrontBytes(), m.fullBytes());
        if (biggest > threshold) {
            return Optional.of(Findings.of(AdviceRules.MEMORY_LARGE, spec, "the map takes " + m.describe() + " of "
                    + "kernel memory (" + m.basis() + "), above the " + Sizes.human(threshold) + " warning threshold"));
        }
        return Optional.empty();
    }

    private Violation lruAdvice(MapSpec spec, LruCapacity c) {
        long n = c.effectiveMaxEntries();
        Severity severity = c.singleWriterMinimum() < LRU_WARNING_SHARE * n ? Severity.WARNING : Severity.INFO;
        String message;
        if (c.commonLru()) {
            message = "an LRU map evicts in batches of " + c.batch() + " on this profile (" + c.possibleCpus()
                    + " possible CPUs): after " + (n + 1) + " distinct keys from one CPU it holds "
                    + c.afterInserts(n + 1) + " of " + n + " (the first eviction comes at insert "
                    + c.firstEvictionAtInsert() + ", and later it keeps " + c.singleWriterMinimum() + " to " + n
                    + "), about " + c.allCpusMinimum() + " when all CPUs insert";
        } else {
            message = "with NO_COMMON_LRU each CPU inserts into its own share of " + c.perCpuLimit() + " of the "
                    + n + " entries" + (n != c.maxEntries() ? " (max_entries rounded up to " + n + ")" : "")
                    + ": inserts from one CPU keep at most " + c.perCpuLimit() + " entries (" + c.singleWriterMinimum()
                    + " once it evicts), not " + n;
        }
        return Findings.of(AdviceRules.LRU_CAPACITY, severity, spec, message);
    }
}
