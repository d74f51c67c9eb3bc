package org.ebpfj.kernel.program;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link org.ebpfj.kernel.BpfObject#attachAll()} did: the links it made, and each program it left with the
 * reason (not loaded, a kind that needs an explicit target, a known limit of this machine).
 */
public record AttachReport(List<BpfLink> links, List<Left> left) {
    public AttachReport {
        links = List.copyOf(links);
        left = List.copyOf(left);
    }

    /** A program attachAll did not attach: its name, its kind (type and section) and why. */
    public record Left(String program, String kind, String reason) {
        @Override
        public String toString() {
            return program + " (" + kind + "): " + reason;
        }
    }

    /** The names of the programs attached. */
    public List<String> attached() {
        return links.stream().map(l -> l.program().name()).toList();
    }

    /** One line per link and per program left, for a log. */
    public String render() {
        String made = links.stream().map(l -> "  attached " + l.program().name() + " -> " + l.target())
                .collect(Collectors.joining("\n"));
        String skipped = left.stream().map(l -> "  left " + l).collect(Collectors.joining("\n"));
        return "attachAll: " + links.size() + " attached, " + left.size() + " left"
                + (made.isEmpty() ? "" : "\n" + made) + (skipped.isEmpty() ? "" : "\n" + skipped);
    }
}
