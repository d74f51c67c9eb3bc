package org.ebpfj.kernel.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the C struct member a record component maps to, when the Java name differs
 * (e.g. {@code @BpfField("saddr") int sourceAddress}). Without it the component's own name is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface BpfField {
    String value();
}
