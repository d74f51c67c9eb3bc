/**
 * Source locations from DWARF 2..5 debug info: where each global variable and function is declared.
 * Entry point: {@link org.ebpfj.object.dwarf.DwarfLocations#read(org.ebpfj.object.elf.ElfFile)}.
 */
package org.ebpfj.object.dwarf;
