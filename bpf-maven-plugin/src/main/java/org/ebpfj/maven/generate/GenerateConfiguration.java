package org.ebpfj.maven.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code generate} goal was asked to do, without Maven types.
 *
 * @param objectsDirectory   where the compiled objects are
 * @param includes           patterns of objects, relative to {@code objectsDirectory}
 * @param excludes           patterns of objects not to read
 * @param recordsDirectory   where records go (a main source root: Java 17)
 * @param skeletonsDirectory where skeletons go (a main or test source root of a JDK 22+ compile); empty: none
 * @param basePackage        each object's sources go to {@code basePackage.<object name>}
 * @param resourcePrefix     the objects' classpath folder as the skeletons load them, e.g. {@code /bpf/}
 * @param extraTypes         C types to generate beyond those maps and globals reach
 * @param generator          names the plugin in each file's header
 */
public record GenerateConfiguration(Path objectsDirectory, List<String> includes, List<String> excludes,
                                    Path recordsDirectory, Optional<Path> skeletonsDirectory, String basePackage,
                                    String resourcePrefix, List<String> extraTypes, String generator) {

    public GenerateConfiguration {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        extraTypes = List.copyOf(extraTypes);
    }
}
