package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one static method of a {@link BpfTest} class that edits the object's spec before every load in the
 * class, for what the annotations cannot express (computed values, value sizes, programs not to load). It takes
 * the {@link org.ebpfj.object.spec.ObjectSpec} the harness read, with the annotations' edits
 * ({@link MaxEntries}, {@link Global}) already made, and returns the spec to load:
 *
 * <pre>{@code
 * @EditSpec
 * static ObjectSpec spec(ObjectSpec spec) {
 *     return spec.withInt("target_ppid", (int) ProcessHandle.current().pid()).withAutoload("unused", false);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EditSpec {
}
