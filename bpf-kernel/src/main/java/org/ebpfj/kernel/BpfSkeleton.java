package org.ebpfj.kernel;

/**
 * A class generated for one BPF object (bpf-maven-plugin's {@code generate} goal) with a typed handle per map,
 * program and global variable. Closing it closes the object.
 *
 * <p>Generated skeletons also have {@code public static final String OBJECT_RESOURCE} (the object's classpath
 * resource) and {@code public static X wrap(BpfObject)} (a view of an object loaded elsewhere): the test harness
 * uses both to inject a skeleton into a test.
 */
public interface BpfSkeleton extends AutoCloseable {

    /** The loaded object the handles belong to. */
    BpfObject object();

    @Override
    void close();
}
