package org.ebpfj.maven.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Writes generated files the way incremental builds need: only when the content changes (so an unchanged file
 * keeps its time stamp and nothing that depends on it is rebuilt), and through a temporary file and a rename (so
 * an interrupted build leaves the old file or the new one, never half of one).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** @return whether the file was written (false: it already had this content) */
    public static boolean writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == content.length
                && Arrays.equals(Files.readAllBytes(file), content)) {
            return false;
        }
        write(file, content);
        return true;
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            readableByAll(temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are private (0600); a generated file is as readable as any other build output. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
