package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ebpfj.kernel.BpfSkeleton;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loads a compiled BPF object into the running kernel for each test and injects handles to its maps, programs
 * and global variables into fields ({@link MapRef}, {@link ProgramRef}, {@link GlobalRef}, or a
 * {@link org.ebpfj.kernel.BpfObject} field) and test method parameters. Everything is closed after the test,
 * whether it passed or failed.
 *
 * <pre>{@code
 * @BpfTest(object = "bpf/hash_vs_lru.bpf.o")
 * class HashVsLruTest {
 *     @MapRef("my_u32_elem_map") BpfMap<Integer, Integer> hash;
 *
 *     @Test void fullHashRefusesANewKey() {
 *         for (int k = 1; k <= 1003; k++) hash.put(k, k * 11);
 *         assertThatThrownBy(() -> hash.put(1004, 1)).isInstanceOf(MapFullException.class);
 *     }
 * }
 * }</pre>
 *
 * <p>On a test method, the annotation gives that method its own load: {@link #maxEntries()} and {@link #globals()}
 * are added to the class's (the method's win for the same map or variable), and a different {@link #object()}
 * replaces the class's object together with its settings. {@link #lifecycle()} is read from the class only.
 *
 * <p>A test runs only when the process may use bpf() and the kernel has what {@link RequiresMapType},
 * {@link RequiresProgramType} and {@link RequiresKernel} ask for; otherwise it is skipped with the reason, or fails
 * with it under {@code bpf.test.strict=true} (see {@link BpfExtension}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BpfExtension.class)
public @interface BpfTest {

    /**
     * The compiled object: a classpath resource ({@code bpf/probe.bpf.o}, where bpf-maven-plugin puts objects
     * under {@code target/classes}), a {@code file:} URI, or a file path (relative to the working directory).
     * Empty on a method: the class's object.
     */
    String object() default "";

    /**
     * A skeleton generated for the object (bpf-maven-plugin's {@code generate} goal): its object is loaded when
     * {@link #object()} is empty, and fields or parameters of its type get a skeleton over the loaded object, so
     * maps and programs are reached through generated accessors ({@code bpf.flows()}) and a map renamed in C is a
     * compile error in the test. A skeleton field also works with {@link #object()}.
     */
    Class<? extends BpfSkeleton> skeleton() default BpfSkeleton.class;

    /** When the object is loaded and closed; read from the class-level annotation. */
    Lifecycle lifecycle() default Lifecycle.PER_METHOD;

    /** max_entries to set before load, e.g. {@code @MaxEntries(map = "events", value = 16)}. */
    MaxEntries[] maxEntries() default {};

    /**
     * Initial values of global variables, set before load; the way to set {@code const volatile} ({@code .rodata})
     * variables, e.g. {@code @Global(name = "target_ppid", value = Global.TEST_JVM_PID)}.
     */
    Global[] globals() default {};

    /** How long one loaded object lives. */
    enum Lifecycle {
        /** A fresh load for every test method (the default): tests cannot see each other's map contents. */
        PER_METHOD,
        /**
         * One load for all tests of the class, closed after the last one; static fields can be injected and
         * {@code @BeforeAll} methods can take handles as parameters. Tests share map contents.
         */
        PER_CLASS
    }
}
