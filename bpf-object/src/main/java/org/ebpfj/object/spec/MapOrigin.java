package org.ebpfj.object.spec;

/** How a map came to exist in the object; decides which loader rules apply before the kernel's. */
public enum MapOrigin {
    /** An anonymous struct in {@code .maps} with {@code __uint}/{@code __type} fields (libbpf 0.x+). */
    BTF_DEFINED,
    /** A {@code struct bpf_map_def} in the legacy {@code maps} section: libbpf 1.0+ refuses these. */
    LEGACY,
    /** An ARRAY map libbpf creates for a global-data section (.data, .rodata, .bss, .data.*, .rodata.*). */
    GLOBAL_DATA,
    /** The {@code .kconfig} externs map libbpf creates and fills from the kernel config. */
    KCONFIG,
    /** A map built in code (a test, the CLI's predict input), not read from an object. */
    PROGRAMMATIC
}
