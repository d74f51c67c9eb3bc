/**
 * Internal: the only place that binds native code (libbpf 1.1, the raw bpf(2) syscall, libc) through the Foreign
 * Function &amp; Memory API: method handles in static finals, struct layouts for the bpf_attr commands used, and
 * errno captured into caller-owned segments. Not an API; {@code org.ebpfj.kernel} is.
 */
package org.ebpfj.kernel.internal.sys;
