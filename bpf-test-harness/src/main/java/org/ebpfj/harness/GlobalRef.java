package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@link org.ebpfj.kernel.GlobalVariable} of the {@link BpfTest}'s object into a field or parameter:
 * reads and writes go straight to the memory the programs use. To set a {@code const volatile} variable, use
 * {@link BpfTest#globals()} (it must be set before load).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface GlobalRef {
    /** The variable's C name; empty: the field's (or parameter's) name. */
    String value() default "";
}
