package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a handle to a map of the {@link BpfTest}'s object into a field or parameter. The declared type chooses
 * the view: {@link org.ebpfj.kernel.map.BpfMap BpfMap&lt;K, V&gt;}, {@link org.ebpfj.kernel.map.PerCpuMap
 * PerCpuMap&lt;K, V&gt;}, {@link org.ebpfj.kernel.map.QueueMap QueueMap&lt;V&gt;}, {@link org.ebpfj.kernel.map.IntIntMap},
 * {@link org.ebpfj.kernel.map.IntLongMap}, {@link org.ebpfj.kernel.map.LongLongMap} or {@link org.ebpfj.kernel.map.RawMap}.
 * Key and value codecs come from the type arguments ({@code Integer}, {@code Long}, {@code Short}, {@code Byte},
 * {@code Float}, {@code Double}, {@code byte[]}, {@code String}, or a record laid out from the map's BTF); a type
 * that does not fit the map fails the test with the codec's explanation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface MapRef {
    /** The map's name in the object; empty: the field's (or parameter's) name. */
    String value() default "";
}
