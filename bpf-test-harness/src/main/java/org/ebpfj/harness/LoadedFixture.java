package org.ebpfj.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.LoadOptions;
import org.ebpfj.kernel.Mounts;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * One loaded object for a test or a class. Objects that pin maps get a pin directory of their own under bpffs, so
 * that parallel tests do not share (or inherit) pinned maps; it is emptied and removed when the fixture closes.
 */
final class LoadedFixture implements AutoCloseable {
    private static final AtomicLong PIN_DIRECTORIES = new AtomicLong();

    private final BpfObject object;
    private final ObjectSource source;
    private final Optional<Path> ownPinRoot;

    private LoadedFixture(BpfObject object, ObjectSource source, Optional<Path> ownPinRoot) {
        this.object = object;
        this.source = source;
        this.ownPinRoot = ownPinRoot;
    }

    static LoadedFixture load(FixtureSettings settings, ObjectSource source) {
        Optional<Path> pinRoot = source.pinsMaps() ? Optional.of(newPinRoot()) : Optional.empty();
        boolean loaded = false;
        try {
            LoadOptions.Builder options = LoadOptions.builder();
            pinRoot.ifPresent(options::pinRoot);
            BpfObject object = FixtureSpec.edited(settings, source)
                    .map(spec -> BpfObject.load(source.bytes(), spec, options.build()))
                    .orElseGet(() -> BpfObject.load(source.bytes(), source.name(), options
                            .specReader((name, bytes) -> {
                                throw new IllegalStateException(source.specProblem());
                            }).build()));
            loaded = true;
            return new LoadedFixture(object, source, pinRoot);
        } finally {
            if (!loaded) {
                pinRoot.ifPresent(LoadedFixture::removePins);
            }
        }
    }

    BpfObject object() {
        return object;
    }

    ObjectSource source() {
        return source;
    }

    Optional<Path> ownPinRoot() {
        return ownPinRoot;
    }

    private static Path newPinRoot() {
        Path bpffs = Mounts.ensureBpffs();
        Path dir = bpffs.resolve("ebpfj-test-" + ProcessHandle.current().pid() + "-"
                + PIN_DIRECTORIES.incrementAndGet());
        try {
            return Files.createDirectory(dir);
        } catch (IOException e) {
            throw new ExtensionConfigurationException("cannot create the test's pin directory " + dir + ": " + e, e);
        }
    }

    /** Unlinks every pin in the directory (the maps go once nothing else holds them) and removes it. */
    private static void removePins(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> pins = Files.list(dir)) {
            for (Path p : pins.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove the test's pins under " + dir + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            object.close();
        } finally {
            ownPinRoot.ifPresent(LoadedFixture::removePins);
        }
    }

    @Override
    public String toString() {
        return "fixture " + object + ownPinRoot.map(p -> ", pins under " + p).orElse("");
    }
}
