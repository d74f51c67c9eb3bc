package org.ebpfj.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Sets a map's max_entries before load; used inside {@link BpfTest#maxEntries()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface MaxEntries {
    /** The map's name in the object. */
    String map();

    long value();
}
