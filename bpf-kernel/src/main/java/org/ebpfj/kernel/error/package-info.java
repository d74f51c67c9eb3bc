/**
 * What went wrong, as values: the sealed {@link org.ebpfj.kernel.error.BpfException} hierarchy, each exception with
 * its errno and the map or program concerned, and the code that turns a failed command's errno into the exception
 * that explains it for this map type or program.
 */
package org.ebpfj.kernel.error;
