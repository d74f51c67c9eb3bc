package org.ebpfj.object.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
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
        private long passesWhenZero;

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

        /**
         * The check cannot fire while all of these {@link ZeroGuard} fields are 0 (a flag it looks for, the BTF
         * it checks): the engine then passes it without calling it.
         */
        Draft passesWhenZero(long fields) {
            passesWhenZero |= fields;
            return this;
        }

        KernelRule check(Check c) {
            return new KernelRule(id, errno, function, summary, types, stage, reads,
                    passesWhenZero == 0 ? c : new ZeroGuard.Guarded(passesWhenZero, c));
        }

        /**
         * A check of one size or count: fires when {@code wrong} holds for its value. The message starts with the
         * value as the kernel got it ({@code <field> is <value>}), and {@code rest} goes on from there.
         */
        KernelRule field(AttrField field, LongPredicate wrong, Function<CreateContext, String> rest) {
            String name = field.cName();
            reads = EnumSet.of(field);
            return check(c -> {
                long value = c.value(field);
                return CreateContext.fire(wrong.test(value), () -> name + " is " + value + rest.apply(c));
            });
        }

        /** The most common check: a size or count that must not be 0. The message is {@code <field> is 0: <why>}. */
        KernelRule nonZero(AttrField field, Function<CreateContext, String> why) {
            return field(field, value -> value == 0, c -> ": " + why.apply(c));
        }

        /**
         * A size or count the type fixes (a 32-bit index key, an fd value, no key at all). The message is
         * {@code <field> is <value>, <why>: <field> must be <expected>}.
         */
        KernelRule exactly(AttrField field, long expected, Function<CreateContext, String> why) {
            return field(field, value -> value != expected,
                    c -> ", " + why.apply(c) + ": " + field.cName() + " must be " + expected);
        }

        /**
         * A type that keeps neither key nor value (its memory is not key/value slots). The message is
         * {@code key_size is <k> and value_size is <v>, <why>: both must be 0}.
         */
        KernelRule noKeyOrValue(Function<CreateContext, String> why) {
            reads = EnumSet.of(AttrField.KEY_SIZE, AttrField.VALUE_SIZE);
            return check(c -> CreateContext.fire(c.k() != 0 || c.v() != 0, () -> "key_size is " + c.k()
                    + " and value_size is " + c.v() + ", " + why.apply(c) + ": both must be 0"));
        }

        /** The type's create-flag mask, as {@link CreateContext#flagsOutsideOrProgConflict} checks it. */
        KernelRule flags(long mask, String allowedDescription) {
            reads = EnumSet.of(AttrField.MAP_FLAGS);
            passesWhenZero(ZeroGuard.FLAGS); // no flag is outside any mask, and there is no PROG pair
            return check(c -> c.flagsOutsideOrProgConflict(mask, allowedDescription));
        }

        /**
         * A create-flag mask alone, as {@link CreateContext#flagsOutside} checks it: for the types whose alloc
         * does not call {@code bpf_map_flags_access_ok} (RDONLY_PROG with WRONLY_PROG is then just outside the mask).
         */
        KernelRule flagsWithin(long mask, String allowedDescription) {
            reads = EnumSet.of(AttrField.MAP_FLAGS);
            passesWhenZero(ZeroGuard.FLAGS);
            return check(c -> c.flagsOutside(mask, allowedDescription));
        }

        /** A flag the type cannot do without: {@code map_flags lacks <FLAG>, which <why>}. */
        KernelRule requires(MapFlag flag, Function<CreateContext, String> why) {
            reads = EnumSet.of(AttrField.MAP_FLAGS);
            return check(c -> CreateContext.fire(!c.has(flag), () -> "map_flags lacks " + flag.name() + ", which "
                    + why.apply(c)));
        }
    }
}
