package org.ebpfj.vm.archive;

import java.util.Comparator;

/** Debian version order ({@code [epoch:]upstream[-revision]}), as dpkg compares them: '~' sorts before anything. */
public final class DebVersion {

    public static final Comparator<String> ORDER = DebVersion::compare;

    private DebVersion() {
    }

    public static int compare(String a, String b) {
        int ea = epoch(a);
        int eb = epoch(b);
        if (ea != eb) {
            return Integer.compare(ea, eb);
        }
        String ra = stripEpoch(a);
        String rb = stripEpoch(b);
        int da = ra.lastIndexOf('-');
        int db = rb.lastIndexOf('-');
        int c = part(da < 0 ? ra : ra.substring(0, da), db < 0 ? rb : rb.substring(0, db));
        return c != 0 ? c : part(da < 0 ? "" : ra.substring(da + 1), db < 0 ? "" : rb.substring(db + 1));
    }

    private static int epoch(String v) {
        int colon = v.indexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(v.substring(0, colon));
    }

    private static String stripEpoch(String v) {
        int colon = v.indexOf(':');
        return colon < 0 ? v : v.substring(colon + 1);
    }

    /** dpkg's verrevcmp: alternating non-digit and digit runs. */
    private static int part(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !Character.isDigit(a.charAt(i)))
                    || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && Character.isDigit(a.charAt(i))
                    && j < b.length() && Character.isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && Character.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && Character.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (Character.isDigit(c)) {
            return 0;
        }
        if (Character.isLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }
}
