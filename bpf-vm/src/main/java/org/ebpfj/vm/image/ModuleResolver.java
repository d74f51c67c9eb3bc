package org.ebpfj.vm.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.ebpfj.vm.VmException;

/**
 * Chooses the modules the guest loads before it can mount the host over 9p, in dependency order. Debian ships no
 * {@code modules.dep} (depmod makes it at install) and a fresh machine has no modinfo, so the order comes from each
 * module's own {@code depends=} string; modules listed in {@code modules.builtin} are skipped.
 */
final class ModuleResolver {
    /** What the guest needs: virtio PCI transport, the 9p file system over virtio. */
    static final List<String> WANTED = List.of("virtio_pci", "9pnet_virtio", "9p");

    private final Map<String, Path> files = new HashMap<>();
    private final Set<String> builtin = new HashSet<>();
    private final Path tmp;

    ModuleResolver(Path modulesDir, Path tmp) throws IOException {
        this.tmp = tmp;
        try (Stream<Path> all = Files.walk(modulesDir)) {
            all.filter(p -> p.getFileName().toString().matches(".*\\.ko(\\.xz|\\.zst)?"))
                    .forEach(p -> files.put(normalize(p.getFileName().toString()), p));
        }
        Path list = modulesDir.resolve("modules.builtin");
        if (Files.exists(list)) {
            for (String line : Files.readAllLines(list)) {
                builtin.add(normalize(Path.of(line.trim()).getFileName().toString()));
            }
        }
    }

    /** The modules to insmod, dependencies first, each decompressed into {@code tmp}. */
    Map<String, Path> resolve() throws VmException, IOException {
        LinkedHashMap<String, Path> order = new LinkedHashMap<>();
        for (String m : WANTED) {
            visit(normalize(m), order, new ArrayList<>());
        }
        return order;
    }

    private void visit(String name, LinkedHashMap<String, Path> order, List<String> path)
            throws VmException, IOException {
        if (order.containsKey(name) || builtin.contains(name)) {
            return;
        }
        Path file = files.get(name);
        if (file == null) {
            if (WANTED.stream().map(ModuleResolver::normalize).anyMatch(name::equals) && path.isEmpty()) {
                throw new VmException("kernel module " + name + " is neither built in nor shipped: this kernel "
                        + "cannot mount the host over 9p (a -cloud flavour?); use a generic -amd64 kernel");
            }
            return;
        }
        if (path.contains(name)) {
            return;
        }
        Path plain = decompressed(file, name);
        path.add(name);
        for (String dep : depends(plain)) {
            visit(normalize(dep), order, path);
        }
        path.remove(name);
        order.put(name, plain);
    }

    private Path decompressed(Path file, String name) throws VmException, IOException {
        String f = file.getFileName().toString();
        if (f.endsWith(".ko")) {
            return file;
        }
        Path out = tmp.resolve(name + ".ko");
        Files.createDirectories(tmp);
        String tool = f.endsWith(".xz") ? "xz" : "zstd";
        Tools.run(List.of(tool, "-dc", file.toString()), out, "install " + (tool.equals("xz") ? "xz-utils" : "zstd")
                + " to decompress kernel modules");
        return out;
    }

    /** The comma-separated {@code depends=} entry of the module's {@code .modinfo}. */
    static List<String> depends(Path ko) throws IOException {
        String text = new String(Files.readAllBytes(ko), StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\0depends=");
        if (at < 0) {
            return List.of();
        }
        int start = at + "\0depends=".length();
        String value = text.substring(start, text.indexOf('\0', start));
        return value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    static String normalize(String fileName) {
        return fileName.replaceFirst("\\.ko(\\.xz|\\.zst)?$", "").replace('-', '_');
    }
}
