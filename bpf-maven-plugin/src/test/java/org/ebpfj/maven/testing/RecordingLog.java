package org.ebpfj.maven.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ebpfj.maven.log.BuildLog;

/** A build log that keeps every line with its level, as {@code [ERROR] ...}, for assertions. */
public final class RecordingLog implements BuildLog {

    private final List<String> lines = new ArrayList<>();

    @Override public void debug(String message) { lines.add("[DEBUG] " + message); }
    @Override public void info(String message) { lines.add("[INFO] " + message); }
    @Override public void warn(String message) { lines.add("[WARNING] " + message); }
    @Override public void error(String message) { lines.add("[ERROR] " + message); }
    @Override public boolean isDebugEnabled() { return true; }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines of one level without their prefix, e.g. {@code at("ERROR")}. */
    public List<String> at(String level) {
        String prefix = "[" + level + "] ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.toList());
    }
}
