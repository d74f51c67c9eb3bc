package org.ebpfj.object.report;

import java.util.List;

import org.ebpfj.object.rules.LruCapacity;
import org.ebpfj.object.rules.MapReport;
import org.ebpfj.object.rules.MemoryEstimate;
import org.ebpfj.object.rules.TargetVerdicts;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.MapField;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ProgramSpec;
import org.ebpfj.object.uapi.MapFlag;

/**
 * The machine-readable description of checked objects: every map as declared, what the checker found, and what
 * the map costs. One format for the CLI's {@code maps} command and the plugin's {@code target/bpf/maps.json}.
 * Field names follow the kernel's ({@code key_size}, {@code max_entries}, ...).
 */
public final class MapsReport {

    /**
     * One object and the checker's report on each of its maps, in declaration order, with each map's verdict per
     * target kernel when the check names targets ({@code targets} empty otherwise, or parallel to {@code maps}).
     */
    public record Entry(ObjectSpec object, List<MapReport> maps, List<TargetVerdicts> targets) {
        public Entry {
            maps = List.copyOf(maps);
            targets = List.copyOf(targets);
            if (!targets.isEmpty() && targets.size() != maps.size()) {
                throw new IllegalArgumentException("one target verdict list per map: " + targets.size() + " for "
                        + maps.size() + " maps");
            }
        }

        public Entry(ObjectSpec object, List<MapReport> maps) {
            this(object, maps, List.of());
        }
    }

    private MapsReport() {
    }

    public static String toJson(List<Entry> entries) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("objects").beginArray();
        for (Entry e : entries) {
            writeObject(w, e);
        }
        w.endArray();
        return w.endObject().toString();
    }

    private static void writeObject(JsonWriter w, Entry e) {
        ObjectSpec o = e.object();
        w.beginObject().field("file", o.file()).field("name", o.name()).field("license", o.license());
        w.name("maps").beginArray();
        for (int i = 0; i < e.maps().size(); i++) {
            writeMap(w, e.maps().get(i), e.targets().isEmpty() ? null : e.targets().get(i));
        }
        w.endArray();
        w.name("programs").beginArray();
        for (ProgramSpec p : o.programs()) {
            w.beginObject().field("name", p.name()).field("section", p.section())
                    .field("type", p.type().map(Enum::name).orElse(null))
                    .field("attach_target", p.attachTarget()).field("instructions", p.instructions())
                    .field("location", p.location().toString()).endObject();
        }
        w.endArray();
        w.name("notes").beginArray();
        o.notes().forEach(w::value);
        w.endArray();
        w.endObject();
    }

    private static void writeMap(JsonWriter w, MapReport r, TargetVerdicts targets) {
        MapSpec s = r.spec();
        w.beginObject()
                .field("name", s.name())
                .field("type", s.typeName())
                .field("key_size", s.keySize())
                .field("value_size", s.valueSize())
                .field("max_entries", s.maxEntries())
                .field("map_flags", s.flags())
                .field("map_flags_names", MapFlag.describe(s.flags()))
                .field("map_extra", s.mapExtra())
                .field("numa_node", s.numaNode())
                .field("pinning", s.pinning().name())
                .field("origin", s.origin().name())
                .field("section", s.section())
                .field("location", s.location().toString());
        s.keyType().ifPresent(t -> w.field("key_type", t.describe()));
        s.valueType().ifPresent(t -> w.field("value_type", t.describe()));
        w.name("deferred").beginArray();
        for (MapField f : s.deferred()) {
            w.value(f.cName());
        }
        w.endArray();
        s.innerMap().ifPresent(inner -> w.field("inner_map", inner.toString()));
        w.field("creatable", r.creatable());
        r.prediction().ifPresent(p -> w.field("kernel", p.ok() ? "OK" : p.errno().map(Enum::name).orElse("?")));
        if (targets != null) {
            writeTargets(w, targets);
        }
        r.memory().ifPresent(m -> writeMemory(w, m));
        r.lru().ifPresent(l -> writeLru(w, l));
        w.name("findings").beginArray();
        for (Violation v : r.violations()) {
            w.beginObject().field("rule", v.ruleId()).field("severity", v.severity().label())
                    .field("errno", v.errno().map(Enum::name).orElse(null))
                    .field("message", v.message()).field("kernel_function", v.kernelFunction()).endObject();
        }
        w.endArray();
        w.endObject();
    }

    /** One verdict per target kernel, oldest first, and the grouped line the build log prints. */
    private static void writeTargets(JsonWriter w, TargetVerdicts t) {
        w.field("targets_summary", t.summary());
        w.name("targets").beginArray();
        for (TargetVerdicts.Verdict v : t.verdicts()) {
            w.beginObject().field("kernel", v.kernel().toString()).field("verdict", v.answer());
            v.error().ifPresent(e -> w.field("rule", e.ruleId()).field("message", e.message()));
            w.endObject();
        }
        w.endArray();
    }

    private static void writeMemory(JsonWriter w, MemoryEstimate m) {
        w.name("memory").beginObject()
                .field("upfront_bytes", m.upfrontBytes())
                .field("full_bytes", m.fullBytes())
                .field("largest_allocation_bytes", m.largestAllocation())
                .field("summary", m.describe())
                .field("basis", m.basis())
                .endObject();
    }

    private static void writeLru(JsonWriter w, LruCapacity l) {
        w.name("lru").beginObject()
                .field("possible_cpus", l.possibleCpus())
                .field("effective_max_entries", l.effectiveMaxEntries())
                .field("common_lru", l.commonLru())
                .field("eviction_batch", l.batch())
                .field("first_eviction_at_insert", l.firstEvictionAtInsert())
                .field("entries_after_max_plus_one_inserts_one_cpu", l.afterInserts(l.maxEntries() + 1))
                .field("single_writer_minimum", l.singleWriterMinimum())
                .field("all_cpus_minimum", l.allCpusMinimum())
                .endObject();
    }
}
