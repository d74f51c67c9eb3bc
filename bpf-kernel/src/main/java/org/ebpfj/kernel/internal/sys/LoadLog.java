package org.ebpfj.kernel.internal.sys;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ebpfj.kernel.LibbpfMessage;


/** Collects the libbpf messages of one open/load/attach on the calling thread. */
public final class LoadLog implements LibbpfPrint.Sink {
    private final List<LibbpfMessage> messages = new ArrayList<>();

    @Override
    public synchronized void message(LibbpfPrint.Level level, String text) {
        messages.add(new LibbpfMessage(LibbpfMessage.Level.valueOf(level.name()), text));
    }

    public synchronized List<LibbpfMessage> messages() {
        return List.copyOf(messages);
    }

    /** Warnings only, one per line, without libbpf's "libbpf: " prefix: what belongs in an error message. */
    public synchronized String warnings() {
        return messages.stream().filter(m -> m.level() == LibbpfMessage.Level.WARN)
                .map(m -> strip(m.text())).collect(Collectors.joining("\n"));
    }

    public static String strip(String text) {
        String t = text.stripTrailing();
        return t.startsWith("libbpf: ") ? t.substring("libbpf: ".length()) : t;
    }
}
