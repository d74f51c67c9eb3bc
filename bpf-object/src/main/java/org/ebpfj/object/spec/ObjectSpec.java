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
        notes = List.copyOf(notes);
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
