package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only where the kernel can create maps of these types (a probe creates one of each). A kernel older
 * than the type's release skips the test, naming the type and the release; a kernel new enough that still refuses
 * it fails the test, since a skip there could hide a broken kernel configuration or a bug.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BpfExtension.class)
public @interface RequiresMapType {
    MapType[] value();
}
