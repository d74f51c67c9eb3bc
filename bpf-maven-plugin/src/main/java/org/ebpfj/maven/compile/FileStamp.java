package org.ebpfj.maven.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What a file looked like when an object was built from it: its modification time and size. A file whose
 * stamp differs (either way: a restored older header counts as a change) makes its dependants stale.
 */
public record FileStamp(Path path, long modifiedMillis, long size) {

    /** A stamp that matches no real file: recorded for inputs that changed while clang was reading them. */
    public static FileStamp unknown(Path path) {
        return new FileStamp(path, -1, -1);
    }

    public static Optional<FileStamp> of(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.of(new FileStamp(path, attributes.lastModifiedTime().toMillis(), attributes.size()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean sameAs(FileStamp other) {
        return modifiedMillis == other.modifiedMillis && size == other.size;
    }
}
