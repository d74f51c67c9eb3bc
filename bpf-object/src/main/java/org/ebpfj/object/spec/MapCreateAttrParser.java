package org.ebpfj.object.spec;

import java.text.ParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/** The {@code TYPE KEY VALUE MAX FLAGS [EXTRA] [options]} line format of {@link MapCreateAttr#parse}. */
final class MapCreateAttrParser {
    private static final int MAX_LINE = 4096;

    private MapCreateAttrParser() {
    }

    static MapCreateAttr parse(String line) throws ParseException {
        if (line == null || line.length() > MAX_LINE) {
            throw new ParseException("line missing or longer than " + MAX_LINE + " characters", 0);
        }
        String[] words = line.trim().split("\\s+");
        if (words.length < 5 || words[0].isEmpty()) {
            throw new ParseException("expected TYPE KEY VALUE MAX FLAGS [MAP_EXTRA] [numa=N] [name=S] "
                    + "[inner=TYPE:KEY:VALUE:MAX:FLAGS], got: " + line.trim(), 0);
        }
        MapCreateAttr.Builder b = MapCreateAttr.builder(type(words[0]))
                .keySize(u32(words[1], "key size"))
                .valueSize(u32(words[2], "value size"))
                .maxEntries(u32(words[3], "max entries"))
                .flags(flags(words[4]));
        boolean extraSeen = false;
        String btf = null;
        for (int i = 5; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("numa=")) {
                b.numaNode(numa(w.substring(5)));
            } else if (w.startsWith("name=")) {
                b.name(w.substring(5));
            } else if (w.startsWith("inner=")) {
                b.innerMap(inner(w.substring(6)));
            } else if (w.equals("btf") || w.startsWith("btf=")) {
                btf = w.length() > 4 ? w.substring(4) : "";
            } else if (w.startsWith("struct_ops=")) {
                b.structOpsValue(structOps(w.substring(11)));
                b.btfVmlinuxValueTypeId(1);
            } else if (!extraSeen) {
                b.mapExtra(number(w, "map_extra"));
                extraSeen = true;
            } else {
                throw new ParseException("unexpected word '" + w + "'", 0);
            }
        }
        if (btf != null) {
            MapCreateAttr partial = b.build();
            b.withBtf(BtfFacts.simple(partial.keySize(), partial.valueSize()).withSpecialFields(fields(btf)));
        }
        return b.build();
    }

    /** {@code btf=spin_lock,timer}: the value holds these special fields. */
    private static Set<SpecialField> fields(String list) throws ParseException {
        EnumSet<SpecialField> set = EnumSet.noneOf(SpecialField.class);
        for (String name : list.split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            try {
                set.add(SpecialField.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParseException("unknown special field '" + name + "' (use spin_lock, timer, kptr, ...)", 0);
            }
        }
        return set;
    }

    /** {@code struct_ops=NAME:SIZE}, or {@code struct_ops=NAME:-} for a type the kernel has not registered. */
    private static StructOpsValue structOps(String spec) throws ParseException {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) {
            throw new ParseException("struct_ops must be NAME:SIZE or NAME:-, got " + spec, 0);
        }
        String name = spec.substring(0, colon);
        String size = spec.substring(colon + 1);
        if (size.equals("-")) {
            return new StructOpsValue(name, false, 0);
        }
        return new StructOpsValue(name, true, u32(size, "struct_ops value size"));
    }

    private static MapCreateAttr inner(String spec) throws ParseException {
        String[] parts = spec.split(":", -1);
        if (parts.length != 5) {
            throw new ParseException("inner map must be TYPE:KEY:VALUE:MAX:FLAGS, got " + spec, 0);
        }
        return MapCreateAttr.builder(type(parts[0])).keySize(u32(parts[1], "inner key size"))
                .valueSize(u32(parts[2], "inner value size")).maxEntries(u32(parts[3], "inner max entries"))
                .flags(flags(parts[4])).build();
    }

    private static long type(String w) throws ParseException {
        Optional<MapType> named = MapType.byName(w);
        if (named.isPresent()) {
            return named.get().id();
        }
        return u32(w, "map type");
    }

    private static long flags(String w) throws ParseException {
        if (Character.isDigit(w.charAt(0))) {
            return u32(w, "map flags");
        }
        long mask = 0;
        for (String name : w.split("\\|")) {
            if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                // MapFlag.describe writes bits without a name as hex: NO_PREALLOC|0x80000000
                mask |= u32(name, "map flags");
                continue;
            }
            Optional<MapFlag> f = MapFlag.byName(name);
            if (f.isEmpty()) {
                throw new ParseException("unknown map flag '" + name + "'", 0);
            }
            mask |= f.get().mask();
        }
        return mask;
    }

    /** numa_node is a __u32 field; -1 (NUMA_NO_NODE) is written as 0xffffffff. */
    private static long numa(String w) throws ParseException {
        if (w.equals("-1")) {
            return MapCreateAttr.U32_MAX;
        }
        return u32(w, "numa node");
    }

    private static long u32(String w, String what) throws ParseException {
        long v = number(w, what);
        if (v < 0 || v > MapCreateAttr.U32_MAX) {
            throw new ParseException(what + " is not an unsigned 32-bit value: " + w, 0);
        }
        return v;
    }

    private static long number(String w, String what) throws ParseException {
        String s = w.toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("0x")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new ParseException(what + " is not a number: " + w, 0);
        }
    }
}
