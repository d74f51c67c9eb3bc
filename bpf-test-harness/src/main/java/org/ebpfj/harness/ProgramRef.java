package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Injects a {@link org.ebpfj.kernel.program.BpfProgram} of the {@link BpfTest}'s object into a field or parameter. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface ProgramRef {
    /** The program's (C function's) name; empty: the field's (or parameter's) name. */
    String value() default "";
}
