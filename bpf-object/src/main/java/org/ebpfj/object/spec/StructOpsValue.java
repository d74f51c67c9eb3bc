package org.ebpfj.object.spec;

/**
 * What the kernel's BTF says about the value type a STRUCT_OPS map names with {@code btf_vmlinux_value_type_id}.
 *
 * @param registered the id names a registered {@code bpf_struct_ops_<name>} type (else the kernel answers ENOTSUPP)
 * @param size       that type's size, which value_size must equal
 */
public record StructOpsValue(String name, boolean registered, long size) {
}
