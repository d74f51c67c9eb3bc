package org.ebpfj.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.spec.Pinning;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A compiled object named by {@link BpfTest#object()}: its bytes, read once per test run, and what the offline
 * reader of bpf-object sees in it (needed before load: the sizes of global variables, whether maps are pinned).
 */
final class ObjectSource {
    private final String location;
    private final String origin;
    private final String name;
    private final byte[] bytes;
    private Optional<ObjectSpec> spec;
    private String specProblem = "";

    private ObjectSource(String location, String origin, byte[] bytes) {
        this.location = location;
        this.origin = origin;
        this.bytes = bytes;
        String file = origin.substring(origin.lastIndexOf('/') + 1);
        int dot = file.indexOf('.');
        this.name = dot > 0 ? file.substring(0, dot) : file;
    }

    /**
     * Finds the object: {@code file:} URIs and {@code classpath:} prefixes say where to look; otherwise a classpath
     * resource of the test class's loader wins over a file path.
     */
    static ObjectSource resolve(String location, ClassLoader loader) {
        String l = location.trim();
        if (l.isEmpty()) {
            throw new ExtensionConfigurationException("@BpfTest needs an object, e.g. "
                    + "@BpfTest(object = \"bpf/probe.bpf.o\") (a classpath resource, file: URI or path)");
        }
        if (l.startsWith("file:")) {
            // file:/abs/path and file:///abs/path are URIs; file:relative/path is taken as a relative path
            Path path = l.startsWith("file:/") ? Path.of(URI.create(l)) : Path.of(l.substring("file:".length()));
            return fromFile(location, path);
        }
        boolean classpathOnly = l.startsWith("classpath:");
        String resource = (classpathOnly ? l.substring("classpath:".length()) : l).replaceFirst("^/+", "");
        URL url = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
        if (url != null) {
            try (InputStream in = url.openStream()) {
                return new ObjectSource(location, url.toString(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read BPF object " + url, e);
            }
        }
        Path path = Path.of(l);
        if (classpathOnly || !Files.isRegularFile(path)) {
            throw new ExtensionConfigurationException("BPF object '" + location + "' not found: no classpath resource '"
                    + resource + "'" + (classpathOnly ? "" : " and no file " + path.toAbsolutePath())
                    + " (bpf-maven-plugin puts compiled objects in target/classes/bpf; was it run?)");
        }
        return fromFile(location, path);
    }

    private static ObjectSource fromFile(String location, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ExtensionConfigurationException("BPF object '" + location + "' not found: no file "
                    + path.toAbsolutePath());
        }
        try {
            return new ObjectSource(location, path.toAbsolutePath().toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new ExtensionConfigurationException("cannot read BPF object '" + location + "' at "
                    + path.toAbsolutePath() + ": " + e, e);
        }
    }

    String location() {
        return location;
    }

    /** Where the bytes came from (a URL or an absolute path). */
    String origin() {
        return origin;
    }

    /** The object name libbpf derives: the file name up to its first dot. */
    String name() {
        return name;
    }

    /** The bytes; callers must not modify them. */
    byte[] bytes() {
        return bytes;
    }

    /** The offline model of the object; empty (with {@link #specProblem()}) when the reader refuses it. */
    synchronized Optional<ObjectSpec> spec() {
        if (spec == null) {
            try {
                spec = Optional.of(ObjectSpecReader.read(bytes, origin));
            } catch (ObjectFormatException | RuntimeException e) {
                spec = Optional.empty();
                specProblem = e.getMessage();
            }
        }
        return spec;
    }

    synchronized String specProblem() {
        spec();
        return specProblem;
    }

    /** Whether libbpf will pin any map at load ({@code pinning = LIBBPF_PIN_BY_NAME}). */
    boolean pinsMaps() {
        return spec().map(s -> s.maps().stream().map(MapSpec::pinning).anyMatch(p -> p == Pinning.BY_NAME))
                .orElse(false);
    }

    @Override
    public String toString() {
        return "BPF object '" + location + "' (" + origin + ")";
    }
}
