package org.ebpfj.maven.log;

/**
 * Where the services report progress. The mojos adapt Maven's log to it; tests and the plain
 * {@code main} entry points use {@link #toStandardError()} or {@link #silent()}.
 */
public interface BuildLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);

    boolean isDebugEnabled();

    static BuildLog silent() {
        return new BuildLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { }
            @Override public void warn(String message) { }
            @Override public void error(String message) { }
            @Override public boolean isDebugEnabled() { return false; }
        };
    }

    static BuildLog toStandardError() {
        return new BuildLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { System.err.println("[INFO] " + message); }
            @Override public void warn(String message) { System.err.println("[WARNING] " + message); }
            @Override public void error(String message) { System.err.println("[ERROR] " + message); }
            @Override public boolean isDebugEnabled() { return false; }
        };
    }
}
