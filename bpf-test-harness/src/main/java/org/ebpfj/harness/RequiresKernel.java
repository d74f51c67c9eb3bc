package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only on kernels of this release or later, e.g. {@code @RequiresKernel("5.17")} for
 * {@code bpf_loop}; older kernels skip it with the running release in the reason.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BpfExtension.class)
public @interface RequiresKernel {
    /** {@code major.minor} or {@code major.minor.patch}. */
    String value();
}
