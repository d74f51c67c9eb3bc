package org.ebpfj.object.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;

/**
 * One check the kernel makes at BPF_MAP_CREATE: when {@link #check} returns a message, the kernel fails the call
 * with {@link #errno}. Rules run in catalog order; the first one that fires is the kernel's answer.
 *
 * @param reads which inputs the check depends on; it is skipped when one of them is not known yet
 * @param check returns the message in the user's terms, with the actual numbers, when the rule fires
 */
public record KernelRule(
        String id,
        Errno errno,
        String kernelFunction,
        String summary,
        Set<MapType> types,
        Stage stage,
        Set<AttrField> reads,
        Check check) {

    /** The test itself: empty when the attribute passes. */
    @FunctionalInterface
    public interface Check {
        Optional<String> test(CreateContext c);
    }

    public KernelRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(check, "check");
        // Enum sets: evaluating a map asks each rule whether it reads a field still unknown, a bit test here.
        types = types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
        reads = reads.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(reads));
    }

    public RuleInfo info() {
        return new RuleInfo(id, Severity.ERROR, Optional.of(errno), kernelFunction, summary, types, stage);
    }

    public boolean appliesTo(long typeId) {
        return types.isEmpty() || MapType.byId(typeId).map(types::contains).orElse(false);
    }

    /** Starts a rule description; {@code types} empty means every type. */
    static Draft rule(String id, Stage stage, Errno errno, String kernelFunction, Set<MapType> types) {
        return new Draft(id, stage, errno, kernelFunction, types);
    }

    /** A rule being written: summary, inputs, then the check. */
    static final class Draft {
        private final String id;
        private final Stage stage;
        private final Errno errno;
        private final String function;
        private final Set<MapType> types;
        private String summary = "";
        private Set<AttrField> reads = EnumSet.noneOf(AttrField.class);

        private Draft(String id, Stage stage, Errno errno, String function, Set<MapType> types) {
            this.id = id;
            this.stage = stage;
            this.errno = errno;
            this.function = function;
            this.types = types;
        }

        Draft summary(String s) {
            summary = s;
            return this;
        }

        Draft reads(AttrField first, AttrField... rest) {
            reads = EnumSet.of(first, rest);
            return this;
        }

        KernelRule check(Check c) {
            return new KernelRule(id, errno, function, summary, types, stage, reads, c);
        }

        /**
         * The most common check: a size or count that must not be 0. Reads only that field; the message is
         * {@code <field> is 0: <why>}.
         */
        KernelRule nonZero(AttrField field, Function<CreateContext, String> why) {
            String cName = field.name().toLowerCase(Locale.ROOT);
            reads = EnumSet.of(field);
            return check(c -> CreateContext.fire(c.value(field) == 0, () -> cName + " is 0: " + why.apply(c)));
        }

        /** The type's create-flag mask, as {@link CreateContext#flagsOutsideOrProgConflict} checks it. */
        KernelRule flags(long mask, String allowedDescription) {
            reads = EnumSet.of(AttrField.MAP_FLAGS);
            return check(c -> c.flagsOutsideOrProgConflict(mask, allowedDescription));
        }
    }
}
