package org.ebpfj.object.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;

/**
 * The rules of one kernel function for some map types, written as rows. Most of a type's checks have one of a few
 * shapes (a size that must not be 0, a size the type fixes, a flag mask, a flag it requires); a row of such a shape
 * gives only what differs, and the table derives the rest the same way for every type: the id
 * ({@code <prefix>.<field>}), the errno (EINVAL), the summary of a non-zero check, and the message's frame. A rule
 * of its own shape is added as a whole ({@link #add}).
 *
 * <p>In a message, {@code {type}} stands for the map's type name ({@code a {type} needs a key}).
 */
final class RuleTable {
    private static final String TYPE = "{type}";

    private final String prefix;
    private final Stage stage;
    private final String function;
    private final Set<MapType> types;
    private final List<KernelRule> rows = new ArrayList<>();

    private RuleTable(String prefix, Stage stage, String function, Set<MapType> types) {
        this.prefix = prefix;
        this.stage = stage;
        this.function = function;
        this.types = types;
    }

    /** A table whose rows are checked by {@code function} at {@code stage}, with ids {@code <prefix>.<...>}. */
    static RuleTable of(String prefix, Stage stage, String function, Set<MapType> types) {
        return new RuleTable(prefix, stage, function, types);
    }

    /** {@code <field> must not be 0}: the message is {@code <field> is 0: <why>}. */
    RuleTable nonZero(AttrField field, String why) {
        return nonZero(field, field.cName() + " must not be 0", why);
    }

    RuleTable nonZero(AttrField field, String summary, String why) {
        return add(draft(field, summary).nonZero(field, text(why)));
    }

    /** A size the type fixes: {@code <field> is <value>, <why>: <field> must be <expected>}. */
    RuleTable exactly(AttrField field, long expected, String summary, String why) {
        return exactly(field, expected, summary, text(why));
    }

    RuleTable exactly(AttrField field, long expected, String summary, Function<CreateContext, String> why) {
        return add(draft(field, summary).exactly(field, expected, why));
    }

    /** A size that is one of two values: {@code <field> is <value><rest>}. */
    RuleTable either(AttrField field, long one, long other, String summary, String rest) {
        return add(draft(field, summary).field(field, v -> v != one && v != other, text(rest)));
    }

    /** The type's flag mask, RDONLY_PROG with WRONLY_PROG refused too ({@link CreateContext#flagsOutsideOrProgConflict}). */
    RuleTable flags(long mask, String summary, String allowed) {
        return add(draft("flags", summary).flags(mask, allowed));
    }

    /** The type's flag mask alone ({@link CreateContext#flagsOutside}). */
    RuleTable flagsWithin(long mask, String summary, String allowed) {
        return add(draft("flags", summary).flagsWithin(mask, allowed));
    }

    /** A flag the type cannot do without; the id ends in the flag's name ({@code lpm-trie.no-prealloc}). */
    RuleTable requires(MapFlag flag, String summary, String why) {
        String suffix = flag.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return add(draft(suffix, summary).requires(flag, text(why)));
    }

    /** A type without key and value slots: {@code <prefix>.key-value-size}. */
    RuleTable noKeyOrValue(String summary, String why) {
        return add(draft("key-value-size", summary).noKeyOrValue(text(why)));
    }

    /** A rule of its own shape, in table order. */
    RuleTable add(KernelRule rule) {
        rows.add(rule);
        return this;
    }

    /** Rules of their own shape, in table order. */
    RuleTable addAll(List<KernelRule> rules) {
        rows.addAll(rules);
        return this;
    }

    /** A rule of this table's function and types, with its own id suffix and errno. */
    KernelRule.Draft rule(String suffix, Errno errno, String summary) {
        return KernelRule.rule(prefix + "." + suffix, stage, errno, function, types).summary(summary);
    }

    List<KernelRule> rules() {
        return List.copyOf(rows);
    }

    private KernelRule.Draft draft(AttrField field, String summary) {
        return draft(field.cName().replace('_', '-'), summary);
    }

    private KernelRule.Draft draft(String suffix, String summary) {
        return rule(suffix, Errno.EINVAL, summary);
    }

    /** The message text, with {@code {type}} filled in when the rule fires. */
    private static Function<CreateContext, String> text(String template) {
        if (!template.contains(TYPE)) {
            return c -> template;
        }
        return c -> template.replace(TYPE, c.typeName());
    }
}
