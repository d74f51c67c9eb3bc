/**
 * JUnit 5 tests against the real kernel: {@link org.ebpfj.harness.BpfTest} loads a compiled BPF object for each test
 * (or class), injects typed handles to its maps, programs and global variables, attaches programs on request
 * ({@link org.ebpfj.harness.Attach}) and closes everything after the test, also when it fails.
 *
 * <ul>
 *   <li>Handles: {@link org.ebpfj.harness.MapRef}, {@link org.ebpfj.harness.ProgramRef},
 *       {@link org.ebpfj.harness.GlobalRef}, and {@link org.ebpfj.kernel.BpfObject} by type; fields or
 *       parameters.</li>
 *   <li>Load settings: {@link org.ebpfj.harness.MaxEntries}, {@link org.ebpfj.harness.Global} (also
 *       {@code const volatile}), or an {@link org.ebpfj.harness.EditSpec} method that edits the spec.</li>
 *   <li>Skip or fail: {@link org.ebpfj.harness.RequiresMapType}, {@link org.ebpfj.harness.RequiresProgramType},
 *       {@link org.ebpfj.harness.RequiresKernel}, and privileges; {@code bpf.test.strict=true} turns skips into
 *       failures (see {@link org.ebpfj.harness.BpfExtension}).</li>
 *   <li>Per-CPU determinism: {@link org.ebpfj.harness.PinnedToCpu}; LRU sizes:
 *       {@link org.ebpfj.harness.LruExpectations}.</li>
 *   <li>Assertions: {@link org.ebpfj.harness.assertions.BpfAssertions}.</li>
 * </ul>
 *
 * <p>This module makes no native calls itself: it builds on the public API of bpf-kernel.
 */
package org.ebpfj.harness;
