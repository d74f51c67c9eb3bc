package org.ebpfj.vm.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One kernel as a user names it: a series ({@code 6.1}: the newest package the archive serves), an exact Debian
 * version or ABI ({@code 6.1.192-3}, {@code 6.1.0-57}), or a local kernel ({@code local:/boot/vmlinuz-6.8.0-40}
 * with its modules in {@code /lib/modules/<release>}, or {@code local:IMAGE:MODULES_DIR}).
 */
public record KernelSpec(String id, Kind kind, String value, Optional<Path> modules) {

    public enum Kind { SERIES, EXACT, LOCAL }

    /** Parses a comma- or space-separated list; throws naming the bad entry. */
    public static List<KernelSpec> parseList(String list) {
        List<KernelSpec> out = new ArrayList<>();
        for (String item : list.trim().split("[,\\s]+")) {
            if (!item.isEmpty()) {
                out.add(parse(item));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no kernel named: give e.g. 5.10,6.1,6.12");
        }
        return out;
    }

    public static KernelSpec parse(String item) {
        if (item.startsWith("local:")) {
            String[] parts = item.substring("local:".length()).split(":", 2);
            if (parts[0].isEmpty()) {
                throw new IllegalArgumentException("'" + item + "': write local:/path/to/vmlinuz[:/path/to/modules]");
            }
            Path image = Path.of(parts[0]);
            String name = image.getFileName().toString().replaceFirst("^(vmlinuz|vmlinux|bzImage)-?", "");
            return new KernelSpec("local-" + (name.isEmpty() ? "kernel" : name), Kind.LOCAL, parts[0],
                    parts.length > 1 ? Optional.of(Path.of(parts[1])) : Optional.empty());
        }
        if (item.matches("\\d+\\.\\d+")) {
            return new KernelSpec(item, Kind.SERIES, item, Optional.empty());
        }
        if (item.matches("\\d+\\.\\d+[.\\-][0-9A-Za-z.+~\\-]+")) {
            return new KernelSpec(item, Kind.EXACT, item, Optional.empty());
        }
        throw new IllegalArgumentException("'" + item + "' names no kernel: write a series (6.1), an exact Debian "
                + "version (6.1.192-3) or ABI (6.1.0-57), or local:/path/to/vmlinuz");
    }
}
