package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one static method of a {@link BpfTest} class that decides the {@link org.ebpfj.kernel.LoadOptions}
 * of every load in the class, for settings the annotations cannot express (computed values, map types, flags,
 * programs not to load, a spec reader). It may take a {@link org.ebpfj.kernel.LoadOptions.Builder}, already holding
 * the annotations' settings, and returns the options:
 *
 * <pre>{@code
 * @LoadOptionsProvider
 * static LoadOptions options(LoadOptions.Builder builder) {
 *     return builder.variable("target_ppid", (int) ProcessHandle.current().pid()).skipProgram("unused").build();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LoadOptionsProvider {
}
