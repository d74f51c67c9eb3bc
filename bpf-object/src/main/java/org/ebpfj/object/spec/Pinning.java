package org.ebpfj.object.spec;

/** The {@code pinning} attribute of a BTF map definition (libbpf's {@code LIBBPF_PIN_*}). */
public enum Pinning {
    NONE,
    /** Pinned by name under the object's pin root, default {@code /sys/fs/bpf}. */
    BY_NAME
}
