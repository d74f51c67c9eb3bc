package org.ebpfj.maven.generate;

/**
 * What one run of the {@code generate} goal did.
 *
 * @param objects     objects read
 * @param files       Java files generated
 * @param written     files written because their content changed (the others were left untouched)
 * @param removed     generated files of an earlier build that no object produces any more
 * @param maps        maps seen (not counting global-data maps)
 * @param typedMaps   maps whose key and value have a Java type from BTF (or need none: ring buffers, ...)
 * @param failures    objects that could not be read
 */
public record GenerateResult(int objects, int files, int written, int removed, int maps, int typedMaps,
                             int failures) {
}
