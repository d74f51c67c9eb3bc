package org.ebpfj.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Sizes an injected {@code PerfBufferReader}: data pages per CPU (a power of two). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface PerfBuffer {
    int pagesPerCpu();
}
