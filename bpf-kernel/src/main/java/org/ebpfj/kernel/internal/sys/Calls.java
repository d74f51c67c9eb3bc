package org.ebpfj.kernel.internal.sys;

import java.lang.invoke.MethodHandle;

/**
 * One way to call a native function off the hot path (once per load, or only after a failure), so that bindings
 * there are one line each: {@code invokeWithArguments} costs a little more than {@code invokeExact}, which the
 * per-operation bindings keep.
 */
final class Calls {
    private Calls() {
    }

    /** @return what the function returned, boxed; a binding that does not match its function is a bug */
    static Object invoke(MethodHandle function, Object... arguments) {
        try {
            return function.invokeWithArguments(arguments);
        } catch (Throwable t) {
            throw new AssertionError("native call " + function.type() + " failed", t);
        }
    }
}
