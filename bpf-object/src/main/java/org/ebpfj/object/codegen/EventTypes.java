package org.ebpfj.object.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfAppender;
import org.ebpfj.object.dwarf.DwarfFormatException;
import org.ebpfj.object.dwarf.DwarfTypes;
import org.ebpfj.object.dwarf.DwarfTypes.Kind;
import org.ebpfj.object.elf.ElfFile;
import org.ebpfj.object.elf.ElfSection;

/**
 * Finds the struct each event-sending call sends, from the object's DWARF, and gives the BTF ids of those types
 * (added to the BTF when only DWARF has them).
 *
 * <p>The rule: for a call to {@code bpf_ringbuf_reserve}, {@code bpf_ringbuf_output} or
 * {@code bpf_perf_event_output} whose size argument is a constant ({@link EventCallSites}), the event type is the
 * struct or union that a local variable of the calling function (or of a function inlined into it) has, or points
 * to, and whose size is that constant; when no local fits, the same among the function's parameters (a helper that
 * sends the event it is given). When no such type, or several different ones, fit, the call gives no type and a
 * note says why. The map is the one the call passes; a map whose calls agree on one type gets
 * it as its event type.
 */
final class EventTypes {
    /**
     * @param btf    the object's BTF with the DWARF-only event types added (the same ids for what it had)
     * @param byMap  each event map's type, by map name
     * @param events every event type found, map or not, in the order found
     */
    record Found(Btf btf, Map<String, Integer> byMap, List<Integer> events, List<String> notes) {
    }

    private EventTypes() {
    }

    static Found find(ElfFile elf, Btf btf) throws ObjectFormatException {
        List<EventCallSites.Call> calls = EventCallSites.find(elf);
        List<String> notes = new ArrayList<>();
        if (calls.isEmpty()) {
            return new Found(btf, Map.of(), List.of(), notes);
        }
        DwarfTypes dwarf;
        try {
            dwarf = DwarfTypes.read(elf);
        } catch (DwarfFormatException e) {
            notes.add("event types: the DWARF cannot be read (" + e.getMessage() + ")");
            return new Found(btf, Map.of(), List.of(), notes);
        }
        if (dwarf.types().isEmpty()) {
            notes.add("event types: the object has no DWARF (compile with -g) to find what its "
                    + calls.size() + " event call(s) send");
            return new Found(btf, Map.of(), List.of(), notes);
        }
        Optional<ElfSection> section = elf.section(".BTF");
        BtfAppender appender = new BtfAppender(section.orElseThrow().data(), btf);
        DwarfToBtf convert = new DwarfToBtf(dwarf, btf, appender);
        Map<String, Set<Integer>> perMap = new LinkedHashMap<>();
        Set<Integer> events = new LinkedHashSet<>();
        for (EventCallSites.Call call : calls) {
            Optional<Long> type = eventType(dwarf, call, notes);
            if (type.isEmpty()) {
                continue;
            }
            int id = convert.convert(type.get());
            events.add(id);
            call.map().ifPresent(m -> perMap.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(id));
        }
        Btf merged;
        try {
            merged = appender.nextId() > btf.typeCount() ? appender.read() : btf;
        } catch (ObjectFormatException e) {
            notes.add("event types: the DWARF types do not make valid BTF (" + e.getMessage() + "); the event"
                    + " readers are untyped");
            return new Found(btf, Map.of(), List.of(), notes);
        }
        Map<String, Integer> byMap = new LinkedHashMap<>();
        perMap.forEach((map, ids) -> {
            if (ids.size() == 1) {
                byMap.put(map, ids.iterator().next());
            } else {
                List<String> names = ids.stream().map(merged::describe).toList();
                notes.add("map " + map + ": its event calls send different types " + names
                        + ", so its reader is untyped");
            }
        });
        return new Found(merged, byMap, List.copyOf(events), notes);
    }

    /** The DWARF offset of the one struct of the call's size among the calling function's locals. */
    private static Optional<Long> eventType(DwarfTypes dwarf, EventCallSites.Call call, List<String> notes) {
        if (call.size().isEmpty()) {
            notes.add(call.helperName() + " in " + call.where() + ": the size is not a constant, so the event"
                    + " type is unknown");
            return Optional.empty();
        }
        long size = call.size().getAsLong();
        Map<String, Long> candidates = candidates(dwarf, dwarf.locals().getOrDefault(call.function(), Set.of()), size);
        if (candidates.isEmpty()) {
            candidates = candidates(dwarf, dwarf.parameters().getOrDefault(call.function(), Set.of()), size);
        }
        if (candidates.size() == 1) {
            return Optional.of(candidates.values().iterator().next());
        }
        notes.add(call.helperName() + " in " + call.where() + ": " + (candidates.isEmpty()
                ? "no local variable or parameter of the function is a struct of " + size + " bytes"
                : "several " + size + "-byte structs are locals of the function " + candidates.keySet())
                + ", so the event type is unknown");
        return Optional.empty();
    }

    /** Structs and unions of {@code size} bytes among the types (or their pointees), by C name. */
    private static Map<String, Long> candidates(DwarfTypes dwarf, Set<Long> types, long size) {
        Map<String, Long> candidates = new LinkedHashMap<>();
        for (long local : types) {
            long t = dwarf.resolve(local);
            Optional<DwarfTypes.Type> type = dwarf.type(t);
            if (type.isPresent() && type.get().kind() == Kind.POINTER) {
                t = dwarf.resolve(type.get().target());
                type = dwarf.type(t);
            }
            if (type.isPresent() && (type.get().kind() == Kind.STRUCT || type.get().kind() == Kind.UNION)
                    && !type.get().declaration() && type.get().byteSize() == size) {
                String key = type.get().name().isEmpty() ? "@" + t
                        : type.get().kind() + " " + type.get().name();
                candidates.putIfAbsent(key, t);
            }
        }
        return candidates;
    }
}
