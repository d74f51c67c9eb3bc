/**
 * The kernel's event channels: {@link org.ebpfj.kernel.event.RingBufferReader} ({@code RINGBUF}),
 * {@link org.ebpfj.kernel.event.PerfBufferReader} ({@code PERF_EVENT_ARRAY}) and
 * {@link org.ebpfj.kernel.event.UserRingBufferWriter} ({@code USER_RINGBUF}). Each reads or writes the kernel's
 * memory in place, waits with epoll, and closes with its object, leaving no thread, mapping or fd behind.
 */
package org.ebpfj.kernel.event;
