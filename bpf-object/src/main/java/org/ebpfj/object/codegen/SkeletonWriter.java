package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ebpfj.object.codegen.SkeletonModel.MapEntry;
import org.ebpfj.object.codegen.SkeletonModel.ProgramEntry;
import org.ebpfj.object.codegen.SkeletonModel.VariableEntry;
import org.ebpfj.object.spec.MapField;

/**
 * Writes the skeleton: one class per object with a typed accessor per map, program and global variable, load
 * options for what user space sets before load (constants, max_entries, value sizes), and {@code close()}.
 * It is built on bpf-kernel's public API ({@link KernelApi}), so it compiles where bpf-kernel does (JDK 22+).
 */
final class SkeletonWriter {
    private SkeletonWriter() {
    }

    static void write(SourceBuilder out, SkeletonModel m) {
        Map<String, String> codecs = codecConstants(m);
        String cls = m.className();
        out.doc("The BPF object {@code " + JavaNames.doc(m.objectFile()) + "} with a typed handle for each of its maps,"
                        + " programs and", "global variables. A map renamed in C is a compile error here, not a"
                        + " failure at run time.",
                "", "<pre>{@code",
                "try (" + cls + " bpf = " + cls + ".load()) {",
                "    ...",
                "}",
                "}</pre>",
                "", "Loading needs the privileges bpf() needs (root, or CAP_BPF with CAP_PERFMON or CAP_NET_ADMIN).");
        out.line("public final class %s implements %s {", cls, KernelApi.SKELETON_SIMPLE);
        out.doc("The object as a classpath resource.");
        out.line("public static final String OBJECT_RESOURCE = \"%s\";", JavaNames.escape(m.resource()));
        for (MapEntry e : m.maps()) {
            out.doc("Name of the map {@code " + JavaNames.doc(e.spec().name()) + "} (" + e.spec().typeName()
                    + location(e.spec().location().toString()) + "), e.g. for {@code @MapRef}.");
            out.line("public static final String %s = \"%s\";", e.constant(), JavaNames.escape(e.spec().name()));
        }
        for (ProgramEntry p : m.programs()) {
            out.doc("Name of the program {@code " + JavaNames.doc(p.spec().name()) + "} (section {@code "
                    + JavaNames.doc(p.spec().section()) + "}).");
            out.line("public static final String %s = \"%s\";", p.constant(), JavaNames.escape(p.spec().name()));
        }
        for (VariableEntry v : m.variables()) {
            out.doc("Name of the global variable {@code " + JavaNames.doc(v.name()) + "} (" + v.section() + ").");
            out.line("public static final String %s = \"%s\";", v.constant(), JavaNames.escape(v.name()));
        }
        if (!codecs.isEmpty()) {
            out.blank();
        }
        codecs.forEach((record, constant) -> {
            out.line("private static final MapCodec<%s> %s =", record, constant);
            out.line("        Codecs.buffer(%s.BYTES, %s::read, %s::write, \"record %s\");", record, record, record,
                    record);
        });
        out.blank();
        out.line("private final BpfObject object;");
        for (MapEntry e : m.maps()) {
            if (e.handle().isEvents()) {
                if (e.value().isPresent() || e.handle() != SkeletonModel.Handle.USER_RING_BUFFER) {
                    out.line("private %s %s;", handleType(e), e.accessor());
                }
            } else {
                out.line("private final %s %s;", handleType(e), e.accessor());
            }
        }
        for (ProgramEntry p : m.programs()) {
            out.line("private final BpfProgram %s;", p.accessor());
        }
        out.blank();
        out.line("private %s(BpfObject object) {", cls);
        out.line("this.object = object;");
        for (MapEntry e : m.maps()) {
            if (e.handle().isEvents()) {
                out.line("object.rawMap(%s); // checked now, opened on first use", e.constant());
            } else {
                out.line("this.%s = %s;", e.accessor(), handleExpression(e, codecs));
            }
        }
        for (ProgramEntry p : m.programs()) {
            out.line("this.%s = object.program(%s);", p.accessor(), p.constant());
        }
        out.line("}");
        out.blank();
        out.doc("Loads the object as compiled.");
        out.line("public static %s load() {", cls);
        out.line("return load(options());");
        out.line("}");
        out.blank();
        out.doc("Loads the object with what user space sets before load.");
        out.line("public static %s load(Options options) {", cls);
        out.line("return new %s(options.load(%s.class, OBJECT_RESOURCE));", cls, cls);
        out.line("}");
        out.blank();
        out.doc("Views an object loaded elsewhere (e.g. by {@code @BpfTest}) through this skeleton. Closing the"
                + " skeleton closes the object.", "", "@throws IllegalArgumentException when the object lacks a map or"
                + " program of this skeleton, or a map's sizes differ");
        out.line("public static %s wrap(BpfObject object) {", cls);
        out.line("return new %s(java.util.Objects.requireNonNull(object, \"object\"));", cls);
        out.line("}");
        out.blank();
        out.doc("Options for {@link #load(Options)}, starting from the object's own values.");
        out.line("public static Options options() {");
        out.line("return new Options();");
        out.line("}");
        for (MapEntry e : m.maps()) {
            if (e.handle().isEvents()) {
                EventAccessors.write(out, e, e.value().map(v -> codec(v, codecs)));
                continue;
            }
            out.blank();
            out.doc("The map {@code " + JavaNames.doc(e.spec().name()) + "}: " + e.spec().typeName() + describeKv(e)
                    + location(e.spec().location().toString()) + ".");
            out.line("public %s %s() {", handleType(e), e.accessor());
            out.line("return %s;", e.accessor());
            out.line("}");
        }
        for (ProgramEntry p : m.programs()) {
            out.blank();
            out.doc("The program {@code " + JavaNames.doc(p.spec().name()) + "} (section {@code "
                    + JavaNames.doc(p.spec().section()) + "}" + location(p.spec().location().toString()) + ").");
            out.line("public BpfProgram %s() {", p.accessor());
            out.line("return %s;", p.accessor());
            out.line("}");
        }
        for (VariableEntry v : m.variables()) {
            variableAccessors(out, v, codecs);
        }
        out.blank();
        out.doc("The loaded object, for what this skeleton does not cover.");
        out.line("@Override");
        out.line("public BpfObject object() {");
        out.line("return object;");
        out.line("}");
        out.blank();
        out.doc("Detaches the object's links and releases its maps and programs.");
        out.line("@Override");
        out.line("public void close() {");
        out.line("object.close();");
        out.line("}");
        out.blank();
        options(out, m);
        out.line("}");
    }

    static String location(String where) {
        return where.contains(":") ? ", " + JavaNames.doc(where) : "";
    }

    private static String describeKv(MapEntry e) {
        String k = e.key().map(t -> " of " + JavaNames.doc(t.describe())).orElse("");
        String v = e.value().map(t -> (k.isEmpty() ? " of " : " to ") + JavaNames.doc(t.describe())).orElse("");
        return k + v;
    }

    /** One codec constant per record used by a map or variable, in order of first use. */
    private static Map<String, String> codecConstants(SkeletonModel m) {
        Map<String, String> out = new LinkedHashMap<>();
        List<JavaType> types = new ArrayList<>();
        for (MapEntry e : m.maps()) {
            e.key().ifPresent(types::add);
            e.value().ifPresent(types::add);
        }
        m.variables().forEach(v -> types.add(v.type()));
        for (JavaType t : types) {
            if (t instanceof JavaType.Composite c) {
                out.putIfAbsent(c.name(), JavaNames.constant(c.name()) + "_CODEC");
            }
        }
        return out;
    }

    /** The boxed Java type a map handle has for a key or value. */
    static String boxed(JavaType t) {
        return switch (t.name()) {
            case "int" -> "Integer";
            case "long" -> "Long";
            case "short" -> "Short";
            case "byte" -> "Byte";
            case "float" -> "Float";
            case "double" -> "Double";
            default -> t.name();
        };
    }

    /** The bpf-kernel codec expression for a key or value. */
    static String codec(JavaType t, Map<String, String> codecs) {
        if (t instanceof JavaType.Composite c) {
            return codecs.get(c.name());
        }
        if (t instanceof JavaType.CString s) {
            return "Codecs.cString(" + s.bound() + ")";
        }
        return switch (t.name()) {
            case "int" -> "Codecs.int32()";
            case "long" -> "Codecs.int64()";
            case "short" -> "Codecs.int16()";
            case "byte" -> "Codecs.int8()";
            case "float" -> "Codecs.float32()";
            case "double" -> "Codecs.float64()";
            default -> "Codecs.bytes(" + t.size() + ")";
        };
    }

    static String handleType(MapEntry e) {
        String event = e.value().map(SkeletonWriter::boxed).orElse("byte[]");
        return switch (e.handle()) {
            case RING_BUFFER -> "RingBufferReader<" + event + ">";
            case PERF_BUFFER -> "PerfBufferReader<" + event + ">";
            case USER_RING_BUFFER -> "UserRingBufferWriter<" + event + ">";
            case TYPED -> "BpfMap<" + boxed(e.key().get()) + ", " + boxed(e.value().get()) + ">";
            case PER_CPU -> "PerCpuMap<" + boxed(e.key().get()) + ", " + boxed(e.value().get()) + ">";
            case QUEUE -> "QueueMap<" + boxed(e.value().get()) + ">";
            case RAW -> "RawMap";
        };
    }

    private static String handleExpression(MapEntry e, Map<String, String> codecs) {
        return switch (e.handle()) {
            case TYPED -> "object.map(" + e.constant() + ", " + codec(e.key().get(), codecs) + ", "
                    + codec(e.value().get(), codecs) + ")";
            case PER_CPU -> "object.rawMap(" + e.constant() + ").perCpu(" + codec(e.key().get(), codecs) + ", "
                    + codec(e.value().get(), codecs) + ")";
            case QUEUE -> "object.rawMap(" + e.constant() + ").queue(" + codec(e.value().get(), codecs) + ")";
            case RAW -> "object.rawMap(" + e.constant() + ")";
            case RING_BUFFER, PERF_BUFFER, USER_RING_BUFFER -> throw new IllegalStateException("opened lazily");
        };
    }

    private static void variableAccessors(SourceBuilder out, VariableEntry v, Map<String, String> codecs) {
        String type = v.type().name();
        String codec = codec(v.type(), codecs);
        out.blank();
        out.doc("The global variable {@code " + JavaNames.doc(v.name()) + "} in {@code " + v.section() + "}"
                + v.location().map(l -> " (" + JavaNames.doc(l) + ")").orElse("") + ": "
                + JavaNames.doc(v.type().describe()) + (v.readOnly() ? "; read-only once loaded, set it before load"
                + " with {@link Options#" + v.accessor() + "}" : "") + ".");
        out.line("public %s %s() {", type, v.accessor());
        out.line("return object.variable(%s).get(%s);", v.constant(), codec);
        out.line("}");
        if (v.readOnly()) {
            return;
        }
        out.blank();
        out.doc("Sets {@code " + JavaNames.doc(v.name()) + "}; the programs see the new value at once.");
        out.line("public void %s(%s value) {", v.accessor(), type);
        out.line("object.variable(%s).set(%s, value);", v.constant(), codec);
        out.line("}");
    }

    private static void options(SourceBuilder out, SkeletonModel m) {
        out.doc("What user space sets before load: constants and initial values of globals, map sizes.");
        out.line("public static final class Options {");
        out.line("private UnaryOperator<ObjectSpec> edits = UnaryOperator.identity();");
        out.line("private LoadOptions loadOptions = LoadOptions.defaults();");
        out.blank();
        out.line("private Options() {");
        out.line("}");
        for (VariableEntry v : m.variables()) {
            out.blank();
            out.doc("The value {@code " + JavaNames.doc(v.name()) + "} (" + v.section() + ") has when the programs"
                    + " load" + (v.readOnly() ? "; the verifier sees it as a constant" : "") + ".");
            out.line("public Options %s(%s value) {", v.accessor(), v.type().name());
            if (v.type() instanceof JavaType.Composite) {
                out.line("byte[] bytes = value.toBytes();");
            } else {
                out.line("ByteBuffer buf = ByteBuffer.allocate(%d).order(BpfBytes.ORDER);", v.type().size());
                v.type().write("buf", "0", "value", 0).forEach(out::line);
                out.line("byte[] bytes = buf.array();");
            }
            out.line("return edit(spec -> spec.withVariableValue(%s, bytes));", v.constant());
            out.line("}");
        }
        for (MapEntry e : m.maps()) {
            out.blank();
            out.doc("max_entries of {@code " + JavaNames.doc(e.spec().name()) + "} (the object says "
                    + e.spec().maxEntries() + ").");
            out.line("public Options %sMaxEntries(long maxEntries) {", e.accessor());
            out.line("return edit(spec -> spec.withMaxEntries(%s, maxEntries));", e.constant());
            out.line("}");
            if (e.spec().deferred().contains(MapField.VALUE_SIZE)) {
                out.blank();
                out.doc("value_size of {@code " + JavaNames.doc(e.spec().name()) + "}, which the object leaves to"
                        + " user space.");
                out.line("public Options %sValueSize(long valueSize) {", e.accessor());
                out.line("return edit(spec -> spec.withValueSize(%s, valueSize));", e.constant());
                out.line("}");
            }
        }
        out.blank();
        out.doc("Any other edit of the object's spec, after the ones made so far (e.g. programs not to load:"
                + " {@code spec -> spec.withAutoload(name, false)}).");
        out.line("public Options edit(UnaryOperator<ObjectSpec> edit) {");
        out.line("UnaryOperator<ObjectSpec> before = edits;");
        out.line("edits = spec -> edit.apply(before.apply(spec));");
        out.line("return this;");
        out.line("}");
        out.blank();
        out.doc("What the load needs beyond the spec (pin root, ...).");
        out.line("public Options loadOptions(LoadOptions options) {");
        out.line("loadOptions = options;");
        out.line("return this;");
        out.line("}");
        out.blank();
        out.line("BpfObject load(Class<?> anchor, String resource) {");
        out.line("byte[] bytes = BpfObject.resourceBytes(anchor, resource);");
        out.line("return BpfObject.load(bytes, edits.apply(BpfObject.readSpec(bytes, resource)), loadOptions);");
        out.line("}");
        out.line("}");
    }

    /** Whether a variable's Java form has a bpf-kernel codec (else it is exposed as raw bytes). */
    static Optional<JavaType> skeletonForm(JavaType t) {
        if (t instanceof JavaType.Scalar s && s.name().equals("boolean")) {
            return Optional.of(new JavaType.Scalar("byte", 1, s.describe() + ", as a byte (0 or 1)"));
        }
        if (t instanceof JavaType.Array || t instanceof JavaType.Int128) {
            return Optional.of(new JavaType.Bytes(t.size(), t.describe() + ", as raw bytes"));
        }
        return Optional.of(t);
    }
}
