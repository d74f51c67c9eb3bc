package org.ebpfj.object.codegen;

import java.util.List;

/**
 * The Java sources generated for one object.
 *
 * @param records   records, union views, enums and their {@code BpfBytes} helper: Java 17, no dependencies
 * @param skeletons the skeleton class (empty when not asked for): needs bpf-kernel, so JDK 22+
 * @param notes     what the generator could not do as asked, or did in a way worth saying (one sentence each)
 * @param coverage  for each map, whether its key and value have a Java type other than raw bytes
 */
public record GeneratedSources(List<GeneratedFile> records, List<GeneratedFile> skeletons, List<String> notes,
                               List<MapCoverage> coverage) {

    public GeneratedSources {
        records = List.copyOf(records);
        skeletons = List.copyOf(skeletons);
        notes = List.copyOf(notes);
        coverage = List.copyOf(coverage);
    }

    /** One source file: its path relative to a source root ({@code org/example/Point.java}) and its text. */
    public record GeneratedFile(String path, String content) {
    }

    /**
     * How a map's key and value are typed in the skeleton.
     *
     * @param keyType   the Java type, e.g. {@code Integer} or {@code FlowKey}; empty for maps without a key
     * @param valueType the Java type of the value; empty for maps without a value (ring buffers)
     * @param typed     whether both are typed from BTF (false: no BTF type, so raw bytes or sized numbers)
     */
    public record MapCoverage(String map, String keyType, String valueType, boolean typed) {
    }
}
