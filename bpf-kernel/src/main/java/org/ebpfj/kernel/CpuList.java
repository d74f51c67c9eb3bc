package org.ebpfj.kernel;

import java.util.BitSet;

/** Parses the kernel's CPU list format ({@code 0-1}, {@code 0,2-5,8}) used under /sys/devices/system/cpu. */
final class CpuList {
    private CpuList() {
    }

    static BitSet parse(String text) {
        BitSet cpus = new BitSet();
        String t = text.trim();
        if (t.isEmpty()) {
            return cpus;
        }
        for (String part : t.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                if (dash < 0) {
                    cpus.set(Integer.parseInt(p));
                } else {
                    int from = Integer.parseInt(p.substring(0, dash));
                    int to = Integer.parseInt(p.substring(dash + 1));
                    if (from > to || to > 1 << 16) {
                        throw new IllegalArgumentException("bad CPU range '" + p + "' in '" + text + "'");
                    }
                    cpus.set(from, to + 1);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CPU list '" + text + "'", e);
            }
        }
        return cpus;
    }
}
