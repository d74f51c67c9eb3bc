package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only where the kernel can load programs of these types (a probe loads the smallest one). Skips on
 * kernels older than the type's release; fails on newer kernels that refuse it (see {@link RequiresMapType}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BpfExtension.class)
public @interface RequiresProgramType {
    ProgramType[] value();
}
