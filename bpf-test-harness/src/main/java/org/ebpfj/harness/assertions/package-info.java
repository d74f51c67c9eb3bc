/**
 * AssertJ-style assertions for live BPF maps ({@link org.ebpfj.harness.assertions.MapAssert},
 * {@link org.ebpfj.harness.assertions.PerCpuMapAssert}, {@link org.ebpfj.harness.assertions.QueueMapAssert}) and
 * test runs ({@link org.ebpfj.harness.assertions.TestRunResultAssert}); start from
 * {@link org.ebpfj.harness.assertions.BpfAssertions}.
 */
package org.ebpfj.harness.assertions;
