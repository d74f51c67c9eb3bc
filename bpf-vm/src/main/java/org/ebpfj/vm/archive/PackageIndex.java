package org.ebpfj.vm.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernel image packages out of a Debian {@code Packages} index. Both layouts are understood: a
 * {@code linux-image-*} package holding the whole kernel (5.10 … 6.12), and the split one of 7.x, where
 * {@code linux-image-*} only depends on {@code linux-binary-*}, {@code linux-modules-*} and {@code linux-base-*} of
 * the same release and version; those become the package's {@link DebianPackage#parts() parts}.
 */
final class PackageIndex {
    /**
     * Signed generic kernels: {@code linux-image-5.10.0-46-amd64}, {@code linux-image-6.12.117+deb12-amd64},
     * {@code linux-image-7.3.4+deb13-amd64}; not the cloud or rt flavours (no 9p), debug symbols, unsigned twins,
     * or the meta packages.
     */
    static final Pattern KERNEL = Pattern.compile("linux-image-\\d+\\.\\d+[.0-9]*(?:-\\d+|\\+[a-z0-9.]+)?-amd64");

    /** A part of a split kernel, as a dependency names it: {@code linux-binary-7.3.4+deb13-amd64 (= 7.3.4-1~bpo13+1)}. */
    private static final Pattern PART = Pattern.compile(
            "(linux-(?:binary|modules|base)-(\\S+))\\s*\\(=\\s*([^)\\s]+)\\s*\\)");

    private static final List<String> FIELDS = List.of("Package", "Version", "Filename", "SHA256", "Size",
            "Depends");

    private PackageIndex() {
    }

    static List<DebianPackage> kernels(InputStream packages, String suite, String baseUrl) throws IOException {
        List<Map<String, String>> images = new ArrayList<>();
        Map<String, DebianPackage> partsByKey = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(packages, StandardCharsets.UTF_8));
        Map<String, String> stanza = new HashMap<>();
        for (String line; ; ) {
            line = r.readLine();
            if (line == null || line.isEmpty()) {
                String name = stanza.get("Package");
                if (name != null && stanza.containsKey("SHA256") && stanza.containsKey("Filename")
                        && stanza.containsKey("Size")) {
                    if (KERNEL.matcher(name).matches()) {
                        images.add(new HashMap<>(stanza));
                    } else if (name.matches("linux-(binary|modules|base)-\\d.*")) {
                        DebianPackage part = toPackage(stanza, suite, baseUrl, List.of());
                        partsByKey.put(part.name() + " " + part.version(), part);
                    }
                }
                stanza.clear();
                if (line == null) {
                    break;
                }
                continue;
            }
            if (line.startsWith(" ")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon);
                if (FIELDS.contains(key)) {
                    stanza.put(key, line.substring(colon + 1).trim());
                }
            }
        }
        List<DebianPackage> out = new ArrayList<>();
        for (Map<String, String> image : images) {
            out.add(toPackage(image, suite, baseUrl, parts(image, partsByKey)));
        }
        return out;
    }

    /**
     * The parts a split image depends on, in the order {@code binary, modules, base}. A part the index does not list
     * is left out; the preparation then fails naming what is missing (no vmlinuz, no modules folder).
     */
    private static List<DebianPackage> parts(Map<String, String> image, Map<String, DebianPackage> partsByKey) {
        String release = image.get("Package").substring("linux-image-".length());
        List<DebianPackage> parts = new ArrayList<>();
        Matcher m = PART.matcher(image.getOrDefault("Depends", ""));
        while (m.find()) {
            if (m.group(2).equals(release)) {
                DebianPackage part = partsByKey.get(m.group(1) + " " + m.group(3));
                if (part != null) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    private static DebianPackage toPackage(Map<String, String> s, String suite, String baseUrl,
            List<DebianPackage> parts) {
        return new DebianPackage(s.get("Package"), s.get("Version"), suite, baseUrl + "/" + s.get("Filename"),
                s.get("SHA256"), Long.parseLong(s.get("Size")), parts);
    }
}
