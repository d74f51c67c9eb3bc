package org.ebpfj.maven.vmlinux;

/**
 * What the {@code vmlinux} goal did.
 *
 * @param outcome what happened to the header
 * @param types   how many BTF types the source had (0 when it was not read)
 * @param bytes   the header's size
 */
public record VmlinuxResult(Outcome outcome, int types, long bytes) {

    public enum Outcome {
        /** The stamp matched: neither the BTF nor the header was read. */
        UP_TO_DATE,
        /** The BTF was read again (its time or the options changed) but the header's text is the same. */
        UNCHANGED,
        /** The header was written. */
        WRITTEN
    }
}
