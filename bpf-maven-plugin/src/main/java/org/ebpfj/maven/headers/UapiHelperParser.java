package org.ebpfj.maven.headers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the helper list out of the kernel's UAPI {@code linux/bpf.h}:
 * <ul>
 *   <li>prototypes from the big documentation comment, where each helper starts with a line
 *       {@code  * <ret> bpf_<name>(<args>)} followed by a {@code  * \tDescription} line;</li>
 *   <li>numbers from the {@code __BPF_FUNC_MAPPER} list. Up to 6.1 the list is {@code FN(name)} and a helper's
 *       number is its position ({@code unspec} is 0); from 6.2 on each entry carries its number,
 *       {@code FN(name, id, ...)}. Both forms are read.</li>
 * </ul>
 * Kernel short type names become UAPI ones ({@code u64} to {@code __u64}) so that the declarations compile
 * against {@code linux/types.h} and against a {@code vmlinux.h} alike. A helper documented with several
 * prototypes (e.g. {@code bpf_get_socket_cookie} for different context types) is declared once, with
 * {@code void *} where the overloads disagree.
 */
public final class UapiHelperParser {

    private static final Pattern PROTOTYPE = Pattern.compile("^ \\* (\\S.*?)\\b(bpf_[A-Za-z0-9_]+)\\((.*)\\)\\s*$");
    private static final Pattern DESCRIPTION = Pattern.compile("^ \\*\\s+Description\\s*$");
    private static final Pattern MAPPER_START = Pattern.compile("^#define\\s+_{2,3}BPF_FUNC_MAPPER\\s*\\(");
    private static final Pattern MAPPER_ENTRY = Pattern.compile("\\bFN\\(\\s*([A-Za-z0-9_]+)\\s*(?:,\\s*(\\d+))?");
    private static final Pattern SHORT_INT = Pattern.compile("\\b([us])(8|16|32|64)\\b");

    private UapiHelperParser() {
    }

    /** What the header yielded: prototypes with their numbers, and names that were listed without a prototype. */
    public record Result(List<HelperPrototype> helpers, List<String> undocumented) {
        public Result {
            helpers = List.copyOf(helpers);
            undocumented = List.copyOf(undocumented);
        }

        public Optional<HelperPrototype> find(String name) {
            return helpers.stream().filter(h -> h.name().equals(name)).findFirst();
        }
    }

    public static Result parse(String header) throws HeaderFormatException {
        List<String> lines = header.lines().collect(java.util.stream.Collectors.toList());
        Map<String, Integer> ids = parseIds(lines);
        if (ids.isEmpty()) {
            throw new HeaderFormatException("no __BPF_FUNC_MAPPER helper list found");
        }
        Map<String, List<HelperPrototype>> overloads = parsePrototypes(lines);
        if (overloads.isEmpty()) {
            throw new HeaderFormatException("no documented helper prototypes found");
        }
        List<HelperPrototype> helpers = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, Integer> id : ids.entrySet()) {
            String name = "bpf_" + id.getKey();
            List<HelperPrototype> variants = overloads.get(name);
            if (variants == null) {
                if (id.getValue() != 0) {
                    undocumented.add(name);
                }
                continue;
            }
            helpers.add(merge(variants).withId(id.getValue()));
        }
        return new Result(helpers, undocumented);
    }

    static Map<String, Integer> parseIds(List<String> lines) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        boolean inMapper = false;
        int position = 0;
        for (String line : lines) {
            if (!inMapper) {
                if (MAPPER_START.matcher(line).find()) {
                    inMapper = true;
                } else {
                    continue;
                }
            }
            Matcher entry = MAPPER_ENTRY.matcher(line);
            while (entry.find()) {
                if (entry.group(1).equals("FN") || line.trim().startsWith("#define")) {
                    continue; // the macro's own parameter list, "#define __BPF_FUNC_MAPPER(FN)"
                }
                int id = entry.group(2) != null ? Integer.parseInt(entry.group(2)) : position;
                ids.putIfAbsent(entry.group(1), id);
                position++;
            }
            if (!line.stripTrailing().endsWith("\\")) {
                break;
            }
        }
        return ids;
    }

    static Map<String, List<HelperPrototype>> parsePrototypes(List<String> lines) {
        Map<String, List<HelperPrototype>> prototypes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher m = PROTOTYPE.matcher(lines.get(i));
            if (!m.matches() || !DESCRIPTION.matcher(lines.get(i + 1)).matches()) {
                continue;
            }
            String returnType = normalizeType(m.group(1));
            List<HelperPrototype.Parameter> parameters = new ArrayList<>();
            boolean variadic = false;
            for (String raw : splitTopLevel(m.group(3))) {
                String arg = raw.trim();
                if (arg.equals("...")) {
                    variadic = true;
                } else if (!arg.isEmpty() && !arg.equals("void")) {
                    parameters.add(parameter(arg));
                }
            }
            prototypes.computeIfAbsent(m.group(2), k -> new ArrayList<>())
                    .add(new HelperPrototype(m.group(2), -1, returnType, parameters, variadic));
        }
        return prototypes;
    }

    /** Splits "type name" at the last identifier; a lone type (no name) is kept whole. */
    private static HelperPrototype.Parameter parameter(String declaration) {
        Matcher m = Pattern.compile("^(.*?[\\s*])([A-Za-z_][A-Za-z0-9_]*)$").matcher(declaration);
        if (m.matches() && !m.group(1).trim().isEmpty()
                && !m.group(1).trim().matches("(struct|union|enum|const|unsigned|signed)")) {
            return new HelperPrototype.Parameter(normalizeType(m.group(1)), m.group(2));
        }
        return new HelperPrototype.Parameter(normalizeType(declaration), "");
    }

    /**
     * The type as a BPF program sees it. The documentation uses kernel-internal names in places: the context
     * types a program actually receives are the UAPI mirrors ({@code struct __sk_buff} for {@code struct sk_buff},
     * {@code struct xdp_md} for {@code struct xdp_buff}, {@code struct sk_msg_md} for {@code struct sk_msg_buff}),
     * and a map argument is the address of the program's map definition, whatever its anonymous struct type, so
     * it becomes {@code void *}. {@code size_t} is {@code unsigned long} on the BPF target (LP64), spelled so
     * that no libc header is needed.
     */
    static String normalizeType(String type) {
        String spaced = SHORT_INT.matcher(type.trim()).replaceAll("__$1$2");
        spaced = spaced.replaceAll("\\bsize_t\\b", "unsigned long")
                .replaceAll("\\bstruct\\s+sk_buff\\b", "struct __sk_buff")
                .replaceAll("\\bstruct\\s+xdp_buff\\b", "struct xdp_md")
                .replaceAll("\\bstruct\\s+sk_msg_buff\\b", "struct sk_msg_md")
                .replaceAll("\\bstruct\\s+bpf_map\\s*\\*", "void *");
        spaced = spaced.replaceAll("\\s+", " ").replaceAll("\\s*\\*\\s*", " *").trim();
        // "void *" / "char **": keep one space before the first star, none between stars
        return spaced.replaceAll("\\* \\*", "**");
    }

    /** The parameters of a prototype: split at the commas outside parentheses (function-pointer parameters). */
    private static List<String> splitTopLevel(String args) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(args.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(args.substring(start));
        return parts;
    }

    /** One declaration for a helper documented more than once: disagreeing parameters become {@code void *}. */
    private static HelperPrototype merge(List<HelperPrototype> variants) {
        HelperPrototype first = variants.get(0);
        if (variants.size() == 1) {
            return first;
        }
        List<HelperPrototype.Parameter> merged = new ArrayList<>();
        for (int i = 0; i < first.parameters().size(); i++) {
            HelperPrototype.Parameter p = first.parameters().get(i);
            boolean agree = true;
            for (HelperPrototype other : variants) {
                if (other.parameters().size() <= i || !other.parameters().get(i).type().equals(p.type())) {
                    agree = false;
                }
            }
            // The first parameter of an overloaded helper is the program's context; others keep their names.
            merged.add(agree ? p : new HelperPrototype.Parameter("void *", i == 0 ? "ctx" : p.name()));
        }
        return new HelperPrototype(first.name(), first.id(), first.returnType(), merged, first.variadic());
    }
}
