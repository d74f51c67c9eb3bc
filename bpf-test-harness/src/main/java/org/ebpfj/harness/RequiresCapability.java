package org.ebpfj.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ebpfj.kernel.Capability;

/**
 * Capabilities a test needs beyond bpf() itself, e.g. {@code CAP_PERFMON} for tracing programs and perf buffers,
 * {@code CAP_NET_ADMIN} for XDP and TC attachments. A process without them skips the test with a reason that names
 * what is missing (strict mode fails it), instead of an error from deep inside the kernel. A class that injects a
 * {@code PerfBufferReader} needs {@code CAP_PERFMON} without saying so. {@code CAP_SYS_ADMIN} stands in for
 * {@code CAP_BPF} and {@code CAP_PERFMON}, as in the kernel.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
public @interface RequiresCapability {
    Capability[] value();
}
