package org.ebpfj.object.codegen;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate for one object.
 *
 * @param packageName the Java package of the object's records and skeleton
 * @param className   the skeleton's simple name; empty: from the object's name ({@code hash_vs_lru} → {@code HashVsLru})
 * @param resource    the object's classpath resource as the skeleton loads it, e.g. {@code /bpf/hash_vs_lru.bpf.o}
 * @param extraTypes  C types to generate beyond those maps and globals reach: {@code event}, {@code struct event},
 *                    {@code union addr}, {@code enum state} or a typedef name
 * @param skeleton    whether to write the skeleton (it needs bpf-kernel, JDK 22+, to compile)
 * @param generator   names the generator in each file's header, e.g. {@code bpf-maven-plugin 0.1.0}
 */
public record CodegenOptions(String packageName, Optional<String> className, String resource, List<String> extraTypes,
                             boolean skeleton, String generator) {

    public CodegenOptions {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(generator, "generator");
        extraTypes = List.copyOf(extraTypes);
        if (!packageName.isEmpty() && !packageName.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new IllegalArgumentException("'" + packageName + "' is not a Java package name");
        }
        if (className.isPresent() && !className.get().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("'" + className.get() + "' is not a Java class name");
        }
    }

    public static CodegenOptions of(String packageName, String resource) {
        return new CodegenOptions(packageName, Optional.empty(), resource, List.of(), true, "ebpfj");
    }

    public CodegenOptions withExtraTypes(List<String> types) {
        return new CodegenOptions(packageName, className, resource, types, skeleton, generator);
    }

    public CodegenOptions withSkeleton(boolean on) {
        return new CodegenOptions(packageName, className, resource, extraTypes, on, generator);
    }

    public CodegenOptions withGenerator(String name) {
        return new CodegenOptions(packageName, className, resource, extraTypes, skeleton, name);
    }

    public CodegenOptions withClassName(String name) {
        return new CodegenOptions(packageName, Optional.of(name), resource, extraTypes, skeleton, generator);
    }
}
