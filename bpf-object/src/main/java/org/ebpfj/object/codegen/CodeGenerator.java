package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.codegen.GeneratedSources.GeneratedFile;
import org.ebpfj.object.codegen.GeneratedSources.MapCoverage;
import org.ebpfj.object.codegen.SkeletonModel.Handle;
import org.ebpfj.object.codegen.SkeletonModel.MapEntry;
import org.ebpfj.object.codegen.SkeletonModel.ProgramEntry;
import org.ebpfj.object.codegen.SkeletonModel.VariableEntry;
import org.ebpfj.object.dwarf.DwarfFormatException;
import org.ebpfj.object.dwarf.DwarfLocations;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.spec.MapOrigin;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.spec.ProgramSpec;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.spec.TypeRef;
import org.ebpfj.object.spec.VariableSpec;

/**
 * Java sources from a compiled BPF object's BTF: a record (or union view, or enum) for every C type a map key or
 * value, a global variable, an event pointer ({@code const struct event *unused}, bpf2go's convention) or the
 * caller names reaches, and a skeleton class with a typed handle per map, program and global variable.
 *
 * <p>Pure and deterministic: the same object and options give the same text, byte for byte. Offline, Java 17.
 */
public final class CodeGenerator {
    private static final Set<String> SKELETON_METHODS = Set.of("load", "wrap", "options", "object", "close",
            "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait");

    private CodeGenerator() {
    }

    /** Reads the object (its spec, and declaration lines from DWARF) and generates its sources. */
    public static GeneratedSources generate(byte[] object, String file, CodegenOptions options)
            throws ObjectFormatException {
        ObjectSpec spec = ObjectSpecReader.read(object, file);
        ElfFile elf = ElfFile.read(object, file);
        Map<String, SourceLocation> locations;
        try {
            locations = DwarfLocations.present(elf) ? DwarfLocations.readWithTypes(elf) : Map.of();
        } catch (DwarfFormatException e) {
            locations = Map.of();
        }
        EventTypes.Found events = spec.btf().isPresent() ? EventTypes.find(elf, spec.btf().get())
                : new EventTypes.Found(null, Map.of(), List.of(), List.of());
        return new Run(spec, options, locations, elf.order() == java.nio.ByteOrder.BIG_ENDIAN, events).run();
    }

    /**
     * Generates from a spec already read (of a little-endian object).
     *
     * @param locations declarations by name: variables by their name, types as {@code struct point},
     *                  {@code union addr}, {@code enum state} (see {@link DwarfLocations#readWithTypes})
     */
    public static GeneratedSources generate(ObjectSpec spec, CodegenOptions options,
                                            Map<String, SourceLocation> locations) {
        return new Run(spec, options, locations, false,
                new EventTypes.Found(spec.btf().orElse(null), Map.of(), List.of(), List.of())).run();
    }

    /** One generation: the planner and the names chosen so far. */
    private static final class Run {
        private final ObjectSpec spec;
        private final CodegenOptions options;
        private final Map<String, SourceLocation> locations;
        private final String className;
        private final List<String> notes = new ArrayList<>();
        private final Set<String> accessors = new HashSet<>(SKELETON_METHODS);
        private final String file;
        private final boolean bigEndian;
        /** The object's BTF with the event types only DWARF has; which event each map carries. */
        private final EventTypes.Found events;
        private TypePlanner planner;

        Run(ObjectSpec spec, CodegenOptions options, Map<String, SourceLocation> locations, boolean bigEndian,
            EventTypes.Found events) {
            this.bigEndian = bigEndian;
            this.events = events;
            this.spec = spec;
            this.options = options;
            this.locations = locations;
            this.className = options.className().orElse(JavaNames.type(spec.name()));
            this.file = spec.file().substring(spec.file().lastIndexOf('/') + 1);
        }

        GeneratedSources run() {
            Optional<Btf> btf = Optional.ofNullable(events.btf());
            notes.addAll(events.notes());
            planner = new TypePlanner(btf.orElse(null), name -> Optional.ofNullable(locations.get(name))
                    .filter(SourceLocation::hasLine).map(SourceLocation::toString), Set.of(className, "BpfBytes"));
            if (btf.isEmpty()) {
                notes.add(file + " has no BTF (compile with -g): maps are typed by their sizes only");
            }
            List<MapCoverage> coverage = new ArrayList<>();
            List<MapEntry> maps = maps(coverage);
            List<VariableEntry> variables = btf.isPresent() ? variables(btf.get()) : List.of();
            btf.ifPresent(this::extraTypes);
            for (int id : events.events()) {
                planner.root(id, "Event");
            }
            List<ProgramEntry> programs = programs();

            List<GeneratedFile> records = new ArrayList<>();
            Members members = new Members();
            for (TypePlan p : planner.plans()) {
                SourceBuilder out = new SourceBuilder();
                if (p instanceof TypePlan.StructPlan s) {
                    RecordWriter.write(out, s, false, members);
                } else if (p instanceof TypePlan.UnionPlan u) {
                    UnionWriter.write(out, u, false, members);
                } else if (p instanceof TypePlan.EnumPlan e) {
                    EnumWriter.write(out, e);
                }
                records.add(file(p.javaName(), out.toString(), List.of()));
            }
            SourceBuilder support = new SourceBuilder();
            SupportWriter.write(support, file, bigEndian);
            records.add(file("BpfBytes", support.toString(), List.of()));

            List<GeneratedFile> skeletons = new ArrayList<>();
            if (options.skeleton()) {
                SourceBuilder out = new SourceBuilder();
                SkeletonWriter.write(out, new SkeletonModel(className, file, options.resource(), maps, programs,
                        variables));
                skeletons.add(file(className, out.toString(), KernelApi.IMPORTS));
            }
            return new GeneratedSources(records, skeletons, notes, coverage);
        }

        private List<MapEntry> maps(List<MapCoverage> coverage) {
            List<MapEntry> out = new ArrayList<>();
            for (MapSpec m : spec.maps()) {
                if (m.origin() == MapOrigin.GLOBAL_DATA || m.origin() == MapOrigin.KCONFIG) {
                    continue;
                }
                Handle handle = handle(m);
                if (handle.isEvents()) {
                    Optional<JavaType> event = Optional.ofNullable(events.byMap().get(m.name()))
                            .or(() -> onlyDeclaredEvent(m))
                            .map(id -> SkeletonWriter.skeletonForm(planner.root(id, "Event")).orElseThrow());
                    coverage.add(new MapCoverage(m.name(), "", event.map(SkeletonWriter::boxed).orElse(""), true));
                    out.add(new MapEntry(m, accessor(JavaNames.member(m.name()), "Map"),
                            "MAP_" + JavaNames.constant(m.name()), handle, Optional.empty(), event));
                    continue;
                }
                String base = JavaNames.type(m.name());
                Optional<JavaType> key = Optional.empty();
                Optional<JavaType> value = Optional.empty();
                if (handle != Handle.RAW) {
                    if (handle != Handle.QUEUE) {
                        key = Optional.of(form(m.keyType(), m.keySize(), base + "Key"));
                    }
                    value = Optional.of(form(m.valueType(), m.valueSize(), base + "Value"));
                }
                boolean typed = (handle == Handle.QUEUE || m.keyType().isPresent()) && m.valueType().isPresent();
                coverage.add(new MapCoverage(m.name(), key.map(SkeletonWriter::boxed).orElse(""),
                        value.map(SkeletonWriter::boxed).orElse(""), handle == Handle.RAW || typed));
                String accessor = accessor(JavaNames.member(m.name()), "Map");
                out.add(new MapEntry(m, accessor, "MAP_" + JavaNames.constant(m.name()), handle, key, value));
            }
            return out;
        }

        /**
         * bpf2go's convention ({@code const struct event *unused}) names event types but not their maps: when the
         * object declares exactly one such type and has exactly one event map the calls did not type, they go
         * together.
         */
        private Optional<Integer> onlyDeclaredEvent(MapSpec map) {
            if (events.btf() == null || map.type().orElseThrow() == org.ebpfj.object.uapi.MapType.USER_RINGBUF) {
                return Optional.empty();
            }
            List<Integer> declared = new ArrayList<>();
            for (VariableSpec v : spec.variables()) {
                if (v.global() && events.btf().resolve(v.type().id()) instanceof BtfType.Ptr ptr
                        && events.btf().resolve(ptr.type()) instanceof BtfType.Composite) {
                    declared.add(events.btf().resolveId(ptr.type()));
                }
            }
            long untyped = spec.maps().stream().filter(m -> handle(m).isEvents() && handle(m) != Handle.USER_RING_BUFFER
                    && !events.byMap().containsKey(m.name())).count();
            return declared.size() == 1 && untyped == 1 ? Optional.of(declared.get(0)) : Optional.empty();
        }

        private static Handle handle(MapSpec m) {
            if (m.type().isEmpty()) {
                return Handle.RAW;
            }
            return switch (m.type().get()) {
                case HASH, ARRAY, LRU_HASH, LPM_TRIE ->
                        m.keySize() > 0 && m.valueSize() > 0 ? Handle.TYPED : Handle.RAW;
                case PERCPU_HASH, PERCPU_ARRAY, LRU_PERCPU_HASH ->
                        m.keySize() > 0 && m.valueSize() > 0 ? Handle.PER_CPU : Handle.RAW;
                case QUEUE, STACK -> m.valueSize() > 0 ? Handle.QUEUE : Handle.RAW;
                case RINGBUF -> Handle.RING_BUFFER;
                case PERF_EVENT_ARRAY -> Handle.PERF_BUFFER;
                case USER_RINGBUF -> Handle.USER_RING_BUFFER;
                default -> Handle.RAW;
            };
        }

        /** The Java form of a key or value: its BTF type's, else a number or bytes of its size. */
        private JavaType form(Optional<TypeRef> type, long size, String nameIfAnonymous) {
            JavaType t = type.isPresent() ? planner.root(type.get().id(), nameIfAnonymous) : sized(size);
            if (t.size() != size && size > 0) {
                notes.add(nameIfAnonymous + ": the BTF type is " + t.size() + " bytes but the map says " + size
                        + "; the map is typed by its size");
                t = sized(size);
            }
            return SkeletonWriter.skeletonForm(t).orElseThrow();
        }

        private static JavaType sized(long size) {
            switch ((int) size) {
                case 1:
                    return new JavaType.Scalar("byte", 1, size + " bytes");
                case 2:
                    return new JavaType.Scalar("short", 2, size + " bytes");
                case 4:
                    return new JavaType.Scalar("int", 4, size + " bytes");
                case 8:
                    return new JavaType.Scalar("long", 8, size + " bytes");
                default:
                    return new JavaType.Bytes(size, size + " bytes (no BTF type)");
            }
        }

        /** Global variables of .data, .rodata and .bss (not .kconfig, which the kernel fills; not static ones). */
        private List<VariableEntry> variables(Btf btf) {
            List<VariableEntry> out = new ArrayList<>();
            for (VariableSpec v : spec.variables()) {
                if (!v.global() || v.section().startsWith(".kconfig")) {
                    continue;
                }
                BtfType resolved = btf.resolve(v.type().id());
                if (resolved instanceof BtfType.Ptr ptr && btf.resolve(ptr.type()) instanceof BtfType.Composite) {
                    planner.root(ptr.type(), JavaNames.type(v.name())); // an event type named by a pointer
                    continue;
                }
                JavaType type = SkeletonWriter.skeletonForm(planner.root(v.type().id(), JavaNames.type(v.name())))
                        .orElseThrow();
                Optional<String> where = Optional.of(v.location()).filter(SourceLocation::hasLine)
                        .map(SourceLocation::toString);
                out.add(new VariableEntry(v.name(), accessor(JavaNames.member(v.name()), "Variable"),
                        "VARIABLE_" + JavaNames.constant(v.name()), v.section(), v.section().startsWith(".rodata"),
                        type, where));
            }
            return out;
        }

        private void extraTypes(Btf btf) {
            for (String wanted : options.extraTypes()) {
                Optional<BtfType> found = findType(btf, wanted.trim());
                if (found.isEmpty()) {
                    notes.add("type '" + wanted + "' is not in the BTF of " + file + " (only types the object uses"
                            + " are: reference it from a map, a global, or a pointer global)");
                } else {
                    planner.root(found.get().id(), JavaNames.type(wanted));
                }
            }
        }

        private static Optional<BtfType> findType(Btf btf, String wanted) {
            String[] parts = wanted.split("\\s+", 2);
            String kind = parts.length == 2 ? parts[0] : "";
            String name = parts.length == 2 ? parts[1] : parts[0];
            for (int id : btf.idsNamed(name)) {
                BtfType t = btf.type(id);
                boolean matches = switch (kind) {
                    case "struct" -> t instanceof BtfType.Struct;
                    case "union" -> t instanceof BtfType.Union;
                    case "enum" -> t instanceof BtfType.Enum || t instanceof BtfType.Enum64;
                    default -> t instanceof BtfType.Composite || t instanceof BtfType.Enum
                            || t instanceof BtfType.Enum64 || t instanceof BtfType.Typedef;
                };
                if (matches) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        private List<ProgramEntry> programs() {
            List<ProgramEntry> out = new ArrayList<>();
            for (ProgramSpec p : spec.programs()) {
                out.add(new ProgramEntry(p, accessor(JavaNames.member(p.name()), "Program"),
                        "PROGRAM_" + JavaNames.constant(p.name())));
            }
            return out;
        }

        private String accessor(String wanted, String suffix) {
            String name = wanted;
            if (accessors.contains(name)) {
                name = wanted + suffix;
            }
            for (int n = 2; accessors.contains(name); n++) {
                name = wanted + suffix + n;
            }
            accessors.add(name);
            return name;
        }

        private GeneratedFile file(String javaName, String body, List<String> extraImports) {
            StringBuilder text = new StringBuilder();
            text.append("// Generated by ").append(options.generator()).append(" from ").append(file)
                    .append(" (BTF). Do not edit: it is written again when the object changes.\n");
            String pkg = options.packageName();
            if (!pkg.isEmpty()) {
                text.append("package ").append(pkg).append(";\n\n");
            }
            List<String> imports = new ArrayList<>();
            addIf(imports, body, "BigInteger", "java.math.BigInteger");
            addIf(imports, body, "ByteBuffer", "java.nio.ByteBuffer");
            addIf(imports, body, "ByteOrder.", "java.nio.ByteOrder");
            addIf(imports, body, "StandardCharsets.", "java.nio.charset.StandardCharsets");
            addIf(imports, body, "Arrays.", "java.util.Arrays");
            addIf(imports, body, " Objects.", "java.util.Objects");
            addIf(imports, body, "UnaryOperator", "java.util.function.UnaryOperator");
            List<String> kernel = new ArrayList<>();
            for (String imp : extraImports) {
                String simple = imp.substring(imp.lastIndexOf('.') + 1);
                if (body.matches("(?s).*\\b" + simple + "\\b.*")) {
                    kernel.add(imp);
                }
            }
            imports.forEach(i -> text.append("import ").append(i).append(";\n"));
            if (!imports.isEmpty() && !kernel.isEmpty()) {
                text.append('\n');
            }
            kernel.forEach(i -> text.append("import ").append(i).append(";\n"));
            if (!imports.isEmpty() || !kernel.isEmpty()) {
                text.append('\n');
            }
            text.append(body);
            String dir = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
            return new GeneratedFile(dir + javaName + ".java", text.toString());
        }

        private static void addIf(List<String> imports, String body, String token, String imp) {
            if (body.contains(token)) {
                imports.add(imp);
            }
        }
    }
}
