/**
 * Reading relocatable ELF64 BPF objects (clang {@code -target bpf}, either byte order): sections, symbols and
 * relocations, validated up front so that bad input is an {@link org.ebpfj.object.elf.ElfFormatException} and never
 * an unchecked exception. Entry point: {@link org.ebpfj.object.elf.ElfFile#read(byte[], String)}.
 */
package org.ebpfj.object.elf;
