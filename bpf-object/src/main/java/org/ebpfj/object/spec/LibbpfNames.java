package org.ebpfj.object.spec;

import java.nio.charset.StandardCharsets;

/**
 * The names libbpf gives objects and the maps it synthesizes, so offline names match what {@code bpftool map}
 * shows after loading.
 */
public final class LibbpfNames {
    /** {@code BPF_OBJ_NAME_LEN}: kernel object names are at most 15 bytes plus the NUL. */
    public static final int OBJ_NAME_LEN = 16;

    private LibbpfNames() {
    }

    /**
     * libbpf's object name for a file ({@code bpf_object__new}): the base name, cut to 15 bytes, then cut at its
     * first dot. {@code /x/maps_valid.bpf.o} gives {@code maps_valid}.
     */
    public static String objectName(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(bytes.length, OBJ_NAME_LEN - 1);
        for (int i = 0; i < len; i++) {
            if (bytes[i] == '.') {
                len = i;
                break;
            }
        }
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    /**
     * libbpf's name for a map it creates for a data section ({@code internal_map_name}): up to 8 bytes of the
     * object name followed by the section name ({@code maps_va.rodata}... precisely: the suffix takes at least 7
     * bytes, so {@code .bss} still leaves 8 for the prefix and {@code .kconfig} only 7). A section name with a second
     * dot ({@code .rodata.str1.1}, {@code .data.custom}) is used alone, cut to 15 bytes. Bytes the kernel does not
     * allow in names become {@code _}.
     */
    public static String internalMapName(String objectName, String sectionName) {
        byte[] obj = objectName.getBytes(StandardCharsets.UTF_8);
        byte[] real = sectionName.getBytes(StandardCharsets.UTF_8);
        int maxLen = OBJ_NAME_LEN - 1;
        int suffixLen = Math.min(Math.max(7, real.length), maxLen);
        boolean customDotSection = sectionName.length() > 1 && sectionName.indexOf('.', 1) >= 0;
        int prefixLen = customDotSection ? 0 : Math.min(OBJ_NAME_LEN - suffixLen - 1, obj.length);
        byte[] out = new byte[maxLen];
        int n = 0;
        for (int i = 0; i < prefixLen && n < maxLen; i++) {
            out[n++] = obj[i];
        }
        for (int i = 0; i < Math.min(suffixLen, real.length) && n < maxLen; i++) {
            out[n++] = real[i];
        }
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char ch = (char) (out[i] & 0xff);
            boolean allowed = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
                    || ch == '_' || ch == '.';
            sb.append(allowed ? ch : '_');
        }
        return sb.toString();
    }
}
