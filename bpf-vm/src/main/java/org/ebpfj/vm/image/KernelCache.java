package org.ebpfj.vm.image;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ebpfj.vm.VmException;
import org.ebpfj.vm.archive.DebVersion;
import org.ebpfj.vm.archive.DebianArchive;
import org.ebpfj.vm.archive.DebianPackage;

/**
 * Fetches and prepares each kernel once, outside the project: {@code ~/.cache/ebpfj/kernels} (or
 * {@code $XDG_CACHE_HOME/ebpfj/kernels}, or {@code $EBPFJ_KERNEL_CACHE}). Per kernel about 65 MB: the vmlinux and
 * a 1.5 MB initramfs; the package and its module tree are deleted once the initramfs is written.
 */
public final class KernelCache {
    private static final String READY = "kernel.properties";

    private final Path root;
    private final Consumer<String> log;
    private final DebianArchive archive;

    public KernelCache(Path root, Consumer<String> log) {
        this.root = root;
        this.log = log;
        this.archive = new DebianArchive(root, log);
    }

    /** The default cache folder, see the class comment. */
    public static Path defaultRoot() {
        String env = System.getenv("EBPFJ_KERNEL_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ebpfj").resolve("kernels");
    }

    public Path root() {
        return root;
    }

    /** Resolves, downloads (verified) and prepares the kernel, or takes it from the cache. */
    public KernelImage prepare(KernelSpec spec) throws VmException {
        try {
            switch (spec.kind()) {
                case LOCAL:
                    return local(spec);
                case EXACT:
                    Optional<KernelImage> cached = cachedExact(spec);
                    return cached.isPresent() ? cached.get() : debian(spec, archive.exact(spec.value()));
                default:
                    return series(spec);
            }
        } catch (IOException e) {
            throw new VmException("cannot prepare kernel " + spec.id() + " in " + root + ": " + e.getMessage(), e);
        }
    }

    private KernelImage series(KernelSpec spec) throws VmException, IOException {
        DebianPackage p;
        try {
            p = archive.newest(spec.value());
        } catch (VmException e) {
            Optional<KernelImage> fallback = newestCached(spec);
            if (fallback.isEmpty() || e.getMessage().startsWith("the Debian archive serves no")) {
                throw e;
            }
            log.accept("WARNING: " + e.getMessage() + "; using the cached " + fallback.get().version());
            return fallback.get();
        }
        return debian(spec, p);
    }

    private KernelImage debian(KernelSpec spec, DebianPackage p) throws VmException, IOException {
        Path dir = root.resolve("debian").resolve(p.name() + "_" + p.version().replace(':', '_'));
        Optional<KernelImage> ready = load(dir, spec.id());
        if (ready.isPresent()) {
            return ready.get();
        }
        String what = p.parts().isEmpty() ? p.name() : p.name() + " (split: " + String.join(", ",
                p.parts().stream().map(DebianPackage::name).toList()) + ")";
        log.accept("Kernel " + spec.id() + ": downloading " + what + " " + p.version() + " from " + p.suite()
                + " (" + p.totalSize() / (1 << 20) + " MiB, SHA256 checked against the signed index)");
        Files.createDirectories(dir);
        Path tree = dir.resolve("tree");
        List<Path> debs = new java.util.ArrayList<>();
        for (DebianPackage file : p.files()) {
            Path deb = dir.resolve(file.name() + ".deb");
            archive.download(file, deb);
            debs.add(deb);
            Tools.extractDeb(deb, tree);
        }
        Path bzImage = kernelImage(tree, p);
        Path modules = modulesDir(tree, p.release());
        KernelImage image = build(dir, spec.id(), p.release(), p.version(), bzImage, modules);
        for (Path deb : debs) {
            Files.deleteIfExists(deb);
        }
        deleteTree(tree);
        return image;
    }

    private KernelImage local(KernelSpec spec) throws VmException, IOException {
        Path image = Path.of(spec.value()).toAbsolutePath();
        if (!Files.isReadable(image)) {
            throw new VmException("local kernel " + image + " does not exist or is not readable");
        }
        String release = image.getFileName().toString().replaceFirst("^(vmlinuz|vmlinux|bzImage)-?", "");
        Path modules = spec.modules().orElse(Path.of("/lib/modules", release));
        if (!Files.isDirectory(modules)) {
            throw new VmException("no modules for local kernel " + image + " at " + modules
                    + ": write local:IMAGE:MODULES_DIR");
        }
        String key = Integer.toHexString((image + "|" + Files.getLastModifiedTime(image)).hashCode());
        Path dir = root.resolve("local").resolve(release.isEmpty() ? key : release + "-" + key);
        Optional<KernelImage> ready = load(dir, spec.id());
        if (ready.isPresent()) {
            return ready.get();
        }
        Files.createDirectories(dir);
        return build(dir, spec.id(), release, "local", image, modules);
    }

    private KernelImage build(Path dir, String id, String release, String version, Path bzImage, Path modules)
            throws VmException, IOException {
        Path kernel = dir.resolve("vmlinux");
        Optional<Path> vmlinux = isElf(bzImage) ? Optional.of(Files.copy(bzImage, kernel,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING)) : VmlinuxExtractor.extract(bzImage, kernel);
        if (vmlinux.isEmpty()) {
            log.accept("Kernel " + id + ": no vmlinux could be cut out of " + bzImage.getFileName()
                    + " (install xz-utils and zstd); booting the bzImage, a few seconds slower under TCG");
            kernel = Files.copy(bzImage, dir.resolve("bzImage"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path initramfs = dir.resolve("initramfs.gz");
        Initramfs.write(initramfs, new ModuleResolver(modules, dir.resolve("ko")).resolve());
        deleteTree(dir.resolve("ko"));
        Properties props = new Properties();
        props.setProperty("release", release);
        props.setProperty("version", version);
        props.setProperty("kernel", dir.relativize(kernel).toString());
        try (Writer w = Files.newBufferedWriter(dir.resolve(READY))) {
            props.store(w, "prepared by ebpfj bpf-vm");
        }
        log.accept("Kernel " + id + ": prepared " + release + " (" + version + ") in " + dir);
        return new KernelImage(id, release, version, kernel, initramfs);
    }

    private Optional<KernelImage> load(Path dir, String id) throws IOException {
        Path ready = dir.resolve(READY);
        if (!Files.exists(ready)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(ready)) {
            props.load(r);
        }
        return Optional.of(new KernelImage(id, props.getProperty("release"), props.getProperty("version"),
                dir.resolve(props.getProperty("kernel")), dir.resolve("initramfs.gz")));
    }

    private Optional<KernelImage> cachedExact(KernelSpec spec) throws IOException {
        return cachedDebian(spec).filter(k -> k.version().equals(spec.value()) || k.release().startsWith(spec.value()))
                .findFirst();
    }

    private Optional<KernelImage> newestCached(KernelSpec spec) throws IOException {
        return cachedDebian(spec).filter(k -> k.version().startsWith(spec.value() + "."))
                .max(Comparator.comparing(KernelImage::version, DebVersion.ORDER));
    }

    private Stream<KernelImage> cachedDebian(KernelSpec spec) throws IOException {
        Path debian = root.resolve("debian");
        if (!Files.isDirectory(debian)) {
            return Stream.empty();
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(debian)) {
            dirs = s.toList();
        }
        return dirs.stream().map(d -> {
            try {
                return load(d, spec.id());
            } catch (IOException e) {
                return Optional.<KernelImage>empty();
            }
        }).flatMap(Optional::stream);
    }

    private static Path modulesDir(Path tree, String release) throws VmException {
        for (String base : List.of("lib/modules", "usr/lib/modules")) {
            Path p = tree.resolve(base).resolve(release);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new VmException("the package has no modules folder for " + release);
    }

    /**
     * The compressed kernel: {@code boot/vmlinuz-RELEASE} in a single-package kernel, {@code usr/lib/modules/RELEASE/
     * vmlinuz} in the {@code linux-binary-*} part of a split one.
     */
    static Path kernelImage(Path tree, DebianPackage p) throws VmException, IOException {
        for (String base : List.of("lib/modules", "usr/lib/modules")) {
            Path split = tree.resolve(base).resolve(p.release()).resolve("vmlinuz");
            if (Files.isRegularFile(split)) {
                return split;
            }
        }
        try {
            return findOne(tree, "vmlinuz-" + p.release());
        } catch (VmException e) {
            throw new VmException(p.name() + " " + p.version() + " has no vmlinuz-" + p.release() + " and no "
                    + "usr/lib/modules/" + p.release() + "/vmlinuz" + (p.parts().isEmpty() ? " (a meta package "
                    + "whose linux-binary-* part the index does not list?)" : " in its parts "
                    + p.parts().stream().map(DebianPackage::name).toList()), e);
        }
    }

    private static Path findOne(Path tree, String name) throws VmException, IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new VmException("the package has no " + name));
        }
    }

    private static boolean isElf(Path p) throws IOException {
        try (var in = Files.newInputStream(p)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0x7F && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
