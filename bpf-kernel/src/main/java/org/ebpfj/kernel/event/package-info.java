/**
 * Readers of the kernel's event channels: ring buffer, perf buffer, user ring buffer (issue 9 fills this package).
 */
package org.ebpfj.kernel.event;
