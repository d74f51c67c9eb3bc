package org.ebpfj.object.dwarf;

/** What a unit header says about how its values are encoded. */
record UnitEncoding(int version, int offsetSize, int addressSize) {
}
