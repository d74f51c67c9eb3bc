package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test method (and its {@code @BeforeEach}/{@code @AfterEach} methods) on one CPU: the thread that
 * actually invokes them is pinned for the call and its CPU set restored afterwards. Per-CPU kernel state then
 * behaves deterministically; LRU maps, which refill and evict in per-CPU batches, hold exact, predictable counts
 * (see {@link LruExpectations}).
 *
 * <p>When the CPU is not available to this process (e.g. a CI cpuset), the test is skipped with the reason, or
 * fails under {@code bpf.test.strict=true}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(CpuPinningExtension.class)
public @interface PinnedToCpu {
    /** The lowest CPU this process may run on. */
    int FIRST_ALLOWED = -1;

    /** The CPU number, or {@link #FIRST_ALLOWED}. */
    int value() default FIRST_ALLOWED;
}
