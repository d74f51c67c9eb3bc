package org.ebpfj.object.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.ebpfj.object.btf.Btf;

/**
 * Everything the offline model knows about one compiled BPF object, as plain data. A loader takes it as the
 * description of what to create: a copy with edited maps ({@link #withMap}) or variables ({@link #withVariable}) is
 * how a user changes max entries or sets a constant before load.
 *
 * @param file     the object's path or name as given to the reader
 * @param name     the object name libbpf derives (file name up to its first dot), used to name global-data maps
 * @param license  the {@code license} section's string, "" when absent
 * @param variables the global variables of .data, .rodata, .bss and .kconfig, in section order
 * @param btf      the object's BTF, when it has a {@code .BTF} section
 * @param problems what libbpf would refuse while opening the object (see {@link SpecProblem})
 * @param notes    things a reader noticed that are not errors (e.g. no BTF, no debug info)
 */
public record ObjectSpec(
        String file,
        String name,
        String license,
        List<MapSpec> maps,
        List<ProgramSpec> programs,
        List<VariableSpec> variables,
        Optional<Btf> btf,
        List<SpecProblem> problems,
        List<String> notes) {

    public ObjectSpec {
        maps = List.copyOf(maps);
        programs = List.copyOf(programs);
        variables = List.copyOf(variables);
        problems = List.copyOf(problems);
        notes = notes instanceof ReaderNotes ? notes : List.copyOf(notes);
    }

    /** A spec without global variables (hand-made specs, tests). */
    public ObjectSpec(String file, String name, String license, List<MapSpec> maps, List<ProgramSpec> programs,
                      Optional<Btf> btf, List<SpecProblem> problems, List<String> notes) {
        this(file, name, license, maps, programs, List.of(), btf, problems, notes);
    }

    public Optional<MapSpec> map(String mapName) {
        return maps.stream().filter(m -> m.name().equals(mapName)).findFirst();
    }

    public Optional<ProgramSpec> program(String programName) {
        return programs.stream().filter(p -> p.name().equals(programName)).findFirst();
    }

    /** The first variable with this C name (static variables of different sections may share one). */
    public Optional<VariableSpec> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    /** A copy with {@code map} in place of the map of the same name. */
    public ObjectSpec withMap(MapSpec map) {
        return new ObjectSpec(file, name, license, replace(maps, map, m -> m.name().equals(map.name()), "map"),
                programs, variables, btf, problems, notes);
    }

    /** A copy with {@code program} in place of the program of the same name. */
    public ObjectSpec withProgram(ProgramSpec program) {
        return new ObjectSpec(file, name, license, maps, replace(programs, program,
                p -> p.name().equals(program.name()), "program"), variables, btf, problems, notes);
    }

    /** A copy with {@code variable} in place of the variable of the same name and section. */
    public ObjectSpec withVariable(VariableSpec variable) {
        return new ObjectSpec(file, name, license, maps, programs, replace(variables, variable,
                v -> v.name().equals(variable.name()) && v.section().equals(variable.section()), "variable"),
                btf, problems, notes);
    }

    /** A copy whose map {@code mapName} has {@code maxEntries} (set before load, as libbpf's setter does). */
    public ObjectSpec withMaxEntries(String mapName, long maxEntries) {
        return withMap(requireMap(mapName).toBuilder().maxEntries(maxEntries).undeferred(MapField.MAX_ENTRIES)
                .build());
    }

    /** A copy whose map {@code mapName} has values of {@code valueSize} bytes. */
    public ObjectSpec withValueSize(String mapName, long valueSize) {
        return withMap(requireMap(mapName).toBuilder().valueSize(valueSize).undeferred(MapField.VALUE_SIZE).build());
    }

    /** A copy in which program {@code programName} is loaded or not (libbpf's autoload). */
    public ObjectSpec withAutoload(String programName, boolean load) {
        ProgramSpec p = program(programName).orElseThrow(() -> new IllegalArgumentException(file
                + " has no program '" + programName + "'; it has " + programs.stream().map(ProgramSpec::name)
                .toList()));
        return withProgram(p.withAutoload(load));
    }

    /** A copy in which the first variable named {@code variableName} starts with {@code value}. */
    public ObjectSpec withVariableValue(String variableName, byte[] value) {
        return withVariable(requireVariable(variableName).withValue(value));
    }

    /** A copy in which the 4-byte variable {@code variableName} starts with {@code value}. */
    public ObjectSpec withInt(String variableName, int value) {
        return withVariable(requireVariable(variableName).withInt(value));
    }

    /** A copy in which the 8-byte variable {@code variableName} starts with {@code value}. */
    public ObjectSpec withLong(String variableName, long value) {
        return withVariable(requireVariable(variableName).withLong(value));
    }

    private VariableSpec requireVariable(String variableName) {
        return variable(variableName).orElseThrow(() -> new IllegalArgumentException(file
                + " has no global variable '" + variableName + "'; it has " + variables.stream()
                .map(VariableSpec::name).toList()));
    }

    private MapSpec requireMap(String mapName) {
        return map(mapName).orElseThrow(() -> new IllegalArgumentException(file + " has no map '" + mapName
                + "'; it has " + maps.stream().map(MapSpec::name).toList()));
    }

    private <T> List<T> replace(List<T> items, T item, Predicate<T> same, String what) {
        List<T> out = new ArrayList<>(items);
        for (int i = 0; i < out.size(); i++) {
            if (same.test(out.get(i))) {
                out.set(i, item);
                return out;
            }
        }
        throw new IllegalArgumentException(file + " has no " + what + " like " + item);
    }
}
