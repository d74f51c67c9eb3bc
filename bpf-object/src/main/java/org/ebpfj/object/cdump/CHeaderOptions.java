package org.ebpfj.object.cdump;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link CHeaderWriter} writes a header.
 *
 * @param includeGuard        the macro of the include guard, {@code __VMLINUX_H__} by default (as bpftool writes)
 * @param preserveAccessIndex whether to wrap the types in {@code #pragma clang attribute push
 *                            (__attribute__((preserve_access_index)), apply_to = record)}, so every field access
 *                            becomes a CO-RE relocation; a user can still opt out with
 *                            {@code -DBPF_NO_PRESERVE_ACCESS_INDEX}
 * @param rootTypes           names of the types to write, with everything they need; empty writes every type
 * @param headerComment       a line for a comment at the top (e.g. where the BTF came from), or "" for none
 */
public record CHeaderOptions(String includeGuard, boolean preserveAccessIndex, Set<String> rootTypes,
                             String headerComment) {
    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public CHeaderOptions {
        Objects.requireNonNull(includeGuard, "includeGuard");
        Objects.requireNonNull(rootTypes, "rootTypes");
        Objects.requireNonNull(headerComment, "headerComment");
        if (!C_IDENTIFIER.matcher(includeGuard).matches()) {
            throw new IllegalArgumentException("include guard '" + includeGuard + "' is not a C identifier");
        }
        if (headerComment.contains("*/") || headerComment.contains("\n")) {
            throw new IllegalArgumentException("header comment must be one line without '*/': " + headerComment);
        }
        rootTypes = Set.copyOf(rootTypes);
    }

    /** What {@code bpftool btf dump file ... format c} writes: every type, guard {@code __VMLINUX_H__}, pragma on. */
    public static CHeaderOptions defaults() {
        return new CHeaderOptions("__VMLINUX_H__", true, Set.of(), "");
    }

    public CHeaderOptions withIncludeGuard(String guard) {
        return new CHeaderOptions(guard, preserveAccessIndex, rootTypes, headerComment);
    }

    public CHeaderOptions withPreserveAccessIndex(boolean preserve) {
        return new CHeaderOptions(includeGuard, preserve, rootTypes, headerComment);
    }

    /** Only these types (by name: struct, union, enum or typedef) and the types they depend on. */
    public CHeaderOptions withRootTypes(Collection<String> names) {
        return new CHeaderOptions(includeGuard, preserveAccessIndex, Set.copyOf(names), headerComment);
    }

    /** E.g. {@code "generated from /sys/kernel/btf/vmlinux by bpf-maven-plugin"}. */
    public CHeaderOptions withHeaderComment(String comment) {
        return new CHeaderOptions(includeGuard, preserveAccessIndex, rootTypes, comment);
    }
}
