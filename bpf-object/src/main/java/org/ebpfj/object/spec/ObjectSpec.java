package org.ebpfj.object.spec;

import java.util.List;
import java.util.Optional;

import org.ebpfj.object.btf.Btf;

/**
 * Everything the offline model knows about one compiled BPF object, as plain data.
 *
 * @param file     the object's path or name as given to the reader
 * @param name     the object name libbpf derives (file name up to its first dot), used to name global-data maps
 * @param license  the {@code license} section's string, "" when absent
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
        Optional<Btf> btf,
        List<SpecProblem> problems,
        List<String> notes) {

    public ObjectSpec {
        maps = List.copyOf(maps);
        programs = List.copyOf(programs);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public Optional<MapSpec> map(String mapName) {
        return maps.stream().filter(m -> m.name().equals(mapName)).findFirst();
    }

    public Optional<ProgramSpec> program(String programName) {
        return programs.stream().filter(p -> p.name().equals(programName)).findFirst();
    }
}
