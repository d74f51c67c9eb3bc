/**
 * Programs of a loaded object: {@link org.ebpfj.kernel.program.BpfProgram} (test runs with
 * {@link org.ebpfj.kernel.program.TestRunOptions}, attach), {@link org.ebpfj.kernel.program.BpfLink} (an attachment,
 * closed to detach).
 */
package org.ebpfj.kernel.program;
