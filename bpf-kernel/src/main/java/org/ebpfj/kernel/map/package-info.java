/**
 * Handles to live maps: {@link org.ebpfj.kernel.map.RawMap} (one map as bytes, the only one that talks to the
 * kernel) and the typed views over it: {@link org.ebpfj.kernel.map.BpfMap}, {@link org.ebpfj.kernel.map.PerCpuMap},
 * {@link org.ebpfj.kernel.map.QueueMap} and the primitive views without boxing
 * ({@link org.ebpfj.kernel.map.IntIntMap}, {@link org.ebpfj.kernel.map.IntLongMap},
 * {@link org.ebpfj.kernel.map.LongLongMap}); whole-map walks and batches.
 */
package org.ebpfj.kernel.map;
