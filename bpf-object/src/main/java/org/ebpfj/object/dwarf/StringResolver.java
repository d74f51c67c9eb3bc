package org.ebpfj.object.dwarf;

import org.ebpfj.object.ObjectFormatException;

/** Turns a string-valued attribute into text, given the sections and the unit it belongs to. */
interface StringResolver {
    String resolve(FormValue value) throws ObjectFormatException;
}
