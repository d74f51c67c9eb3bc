package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Attaches an injected {@link org.ebpfj.kernel.program.BpfProgram} before the test (by its section name, as libbpf's
 * auto-attach does: {@code tracepoint/...}, {@code raw_tp/...}, {@code fentry/...}) and detaches it after the test,
 * also with {@link BpfTest.Lifecycle#PER_CLASS}. The program is named by {@link ProgramRef} or, without it, by the
 * field's (or parameter's) name. Tracepoints mount tracefs first when it is missing and the process may mount.
 * On a {@link org.ebpfj.kernel.BpfObject} field or parameter, attaches every program by its section
 * ({@code attachAll}) and prints which programs it attached and which it left, and why.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Attach {
}
