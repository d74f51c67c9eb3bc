package org.ebpfj.maven.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Extracts the embedded clang from the {@code org.bytedeco:llvm} jar into a cache folder, once.
 *
 * <p>Only what the compiler needs is extracted (the driver, {@code libclang-cpp}, {@code libLLVM} and clang's
 * builtin headers, about 280 MB of the jar's 700 MB). The jar holds the libraries without their
 * {@code .so.<major>.<minor>} names which the clang binary asks for, so links with those names are made beside
 * them (JavaCPP's loader does the same when it extracts).
 *
 * <p>Concurrent builds are safe: each extracts into its own temporary folder and renames it into place; the
 * rename either succeeds or finds the folder already completed by another build.
 */
public final class EmbeddedClangInstaller {

    /** Written last, so a folder holding it is a finished extraction. */
    static final String COMPLETE_MARKER = ".complete";

    private final EmbeddedLlvm llvm;

    public EmbeddedClangInstaller(EmbeddedLlvm llvm) {
        this.llvm = llvm;
    }

    /** The clang executable inside an installation folder. */
    public static Path clangIn(Path installation) {
        return installation.resolve("clang");
    }

    /** The installation folder under the cache root, without extracting. */
    public Path installationDir(Path cacheRoot) {
        return cacheRoot.resolve(llvm.cacheName());
    }

    public boolean isInstalled(Path cacheRoot) {
        return Files.isRegularFile(installationDir(cacheRoot).resolve(COMPLETE_MARKER));
    }

    /** Returns the installation folder, extracting {@code jar} into it first unless already done. */
    public Path install(Path jar, Path cacheRoot) throws IOException {
        Path target = installationDir(cacheRoot);
        if (isInstalled(cacheRoot)) {
            return target;
        }
        Files.createDirectories(cacheRoot);
        Path temp = Files.createTempDirectory(cacheRoot, llvm.cacheName() + ".tmp-");
        try {
            extract(jar, temp);
            Files.writeString(temp.resolve(COMPLETE_MARKER), llvm.displayName() + "\n");
            moveIntoPlace(temp, target);
        } finally {
            deleteRecursively(temp);
        }
        return target;
    }

    private void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.exists(target) && !Files.exists(target.resolve(COMPLETE_MARKER))) {
            // Left over from an extraction that did not finish (e.g. a killed build before this code existed).
            deleteRecursively(target);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + temp + " to " + target + " atomically", e);
        } catch (IOException e) {
            // Renaming onto a folder another build completed first fails (on Linux as a plain
            // FileSystemException "Directory not empty", not always DirectoryNotEmptyException). Its copy is as good.
            if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
                throw e;
            }
        }
    }

    private void extract(Path jar, Path destination) throws IOException {
        String prefix = llvm.jarPrefix();
        boolean foundClang = false;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                String relative = entry.getName().substring(prefix.length());
                if (!isNeeded(relative)) {
                    continue;
                }
                Path out = destination.resolve(relative).normalize();
                if (!out.startsWith(destination)) {
                    throw new IOException("jar entry escapes the extraction folder: " + entry.getName());
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (relative.equals("clang")) {
                    foundClang = true;
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        if (!foundClang) {
            throw new IOException(jar + " has no " + prefix + "clang");
        }
        String soVersion = llvm.llvmMajorMinor();
        for (String library : new String[] {"libclang-cpp.so", "libLLVM.so"}) {
            Path versioned = destination.resolve(library + "." + soVersion);
            if (Files.exists(destination.resolve(library)) && !Files.exists(versioned)) {
                Files.createSymbolicLink(versioned, Path.of(library));
            }
        }
    }

    /** The driver, the two libraries it links, and clang's builtin headers ({@code stddef.h}, {@code stdint.h}...). */
    static boolean isNeeded(String relativePath) {
        return relativePath.equals("clang")
                || relativePath.equals("libclang-cpp.so")
                || relativePath.equals("libLLVM.so")
                || relativePath.matches("lib/clang/[0-9]+/include/.+");
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
