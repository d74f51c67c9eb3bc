package org.ebpfj.harness;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.LoadOptions;
import org.ebpfj.kernel.Mounts;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

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
            LoadOptions options = options(settings, source, pinRoot);
            Optional<Path> ours = pinRoot.filter(p -> options.pinRoot().equals(Optional.of(p)));
            if (pinRoot.isPresent() && ours.isEmpty()) {
                removePins(pinRoot.get()); // the provider chose its own pin root
            }
            BpfObject object = BpfObject.load(source.bytes(), source.name(), options);
            loaded = true;
            return new LoadedFixture(object, source, ours);
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

    private static LoadOptions options(FixtureSettings settings, ObjectSource source, Optional<Path> pinRoot) {
        LoadOptions.Builder builder = LoadOptions.builder();
        // The loader takes the spec this fixture already read (once per object and run), not a second parse.
        builder.specReader((objectName, bytes) -> source.spec().orElseThrow(
                () -> new IllegalStateException(source.specProblem())));
        pinRoot.ifPresent(builder::pinRoot);
        settings.maxEntries().forEach(builder::maxEntries);
        settings.globals().forEach((name, text) -> {
            ObjectSource.Variable v = source.variable(name).orElseThrow(() -> new ExtensionConfigurationException(
                    "@Global(name = \"" + name + "\"): " + source + " has no global variable '" + name
                            + "'; it has " + source.variableNames()
                            + (source.specProblem().isEmpty() ? "" : " (" + source.specProblem() + ")")));
            builder.variable(name, GlobalValues.encode(v, text));
        });
        Optional<Method> provider = provider(settings.testClass());
        if (provider.isEmpty()) {
            return builder.build();
        }
        Method m = provider.get();
        Object[] args = m.getParameterCount() == 0 ? new Object[0] : new Object[] {builder};
        Object result = ReflectionSupport.invokeMethod(m, null, args);
        if (result == null) {
            throw new ExtensionConfigurationException("@LoadOptionsProvider " + m + " returned null");
        }
        return (LoadOptions) result;
    }

    /** The class's {@link LoadOptionsProvider}, looked for in the class, its superclasses and enclosing classes. */
    static Optional<Method> provider(Class<?> testClass) {
        for (Class<?> c : FixtureSettings.classAndEnclosing(testClass)) {
            List<Method> found = AnnotationSupport.findAnnotatedMethods(c, LoadOptionsProvider.class,
                    HierarchyTraversalMode.BOTTOM_UP);
            if (found.size() > 1) {
                throw new ExtensionConfigurationException("only one @LoadOptionsProvider method is allowed in " + c
                        .getName() + "; found " + found);
            }
            if (found.size() == 1) {
                Method m = found.get(0);
                boolean builderParameter = m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == LoadOptions.Builder.class;
                if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != LoadOptions.class
                        || !(m.getParameterCount() == 0 || builderParameter)) {
                    throw new ExtensionConfigurationException("@LoadOptionsProvider " + m + " must be static, return"
                            + " LoadOptions and take nothing or a LoadOptions.Builder");
                }
                return Optional.of(m);
            }
        }
        return Optional.empty();
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
