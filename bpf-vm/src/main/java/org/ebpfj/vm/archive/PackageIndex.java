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
import java.util.regex.Pattern;

/** Reads the kernel image packages out of a Debian {@code Packages} index. */
final class PackageIndex {
    /**
     * Signed generic kernels: {@code linux-image-5.10.0-46-amd64}, {@code linux-image-6.12.117+deb12-amd64}; not
     * the cloud or rt flavours (no 9p), debug symbols, unsigned twins, or the meta packages.
     */
    static final Pattern KERNEL = Pattern.compile("linux-image-\\d+\\.\\d+[.0-9]*(?:-\\d+|\\+[a-z0-9.]+)?-amd64");

    private PackageIndex() {
    }

    static List<DebianPackage> kernels(InputStream packages, String suite, String baseUrl) throws IOException {
        List<DebianPackage> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(packages, StandardCharsets.UTF_8));
        Map<String, String> stanza = new HashMap<>();
        for (String line; ; ) {
            line = r.readLine();
            if (line == null || line.isEmpty()) {
                String name = stanza.get("Package");
                if (name != null && KERNEL.matcher(name).matches() && stanza.containsKey("SHA256")
                        && stanza.containsKey("Filename")) {
                    out.add(new DebianPackage(name, stanza.get("Version"), suite,
                            baseUrl + "/" + stanza.get("Filename"), stanza.get("SHA256"),
                            Long.parseLong(stanza.get("Size"))));
                }
                stanza.clear();
                if (line == null) {
                    return out;
                }
                continue;
            }
            if (line.startsWith(" ")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon);
                if (key.equals("Package") || key.equals("Version") || key.equals("Filename") || key.equals("SHA256")
                        || key.equals("Size")) {
                    stanza.put(key, line.substring(colon + 1).trim());
                }
            }
        }
    }
}
