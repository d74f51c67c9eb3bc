package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The initial value of a global variable ({@code .data}, {@code .bss} or {@code .rodata}), set before load; used
 * inside {@link BpfTest#globals()}. The value is written in the variable's own size, read from the object's BTF:
 * integers (decimal, {@code 0x} hex, negative), {@code true}/{@code false}, text for a {@code char} array, or
 * {@link #TEST_JVM_PID}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Global {
    /** This JVM's process id, e.g. for a program that filters on its parent's tgid. */
    String TEST_JVM_PID = "${jvm.pid}";

    /** The variable's C name. */
    String name();

    String value();
}
