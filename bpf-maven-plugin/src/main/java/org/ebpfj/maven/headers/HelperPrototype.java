package org.ebpfj.maven.headers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One BPF helper as a C declaration needs it: {@code static <ret> (* const <name>)(<params>) = (void *) <id>;}.
 * A BPF program calls a helper by number; the "pointer" holding the number is what clang turns into
 * {@code call <id>}.
 *
 * @param id         the helper's number in {@code enum bpf_func_id}
 * @param returnType the C return type with UAPI spellings ({@code __u64}, {@code void *})
 * @param parameters the parameters; empty for {@code (void)}
 * @param variadic   whether the prototype ends with {@code ...} (only {@code bpf_trace_printk})
 */
public record HelperPrototype(String name, int id, String returnType, List<Parameter> parameters, boolean variadic) {

    /** @param type the C type with UAPI spellings; @param name the parameter name, possibly empty */
    public record Parameter(String type, String name) {

        public String declaration() {
            if (name.isEmpty()) {
                return type;
            }
            return type.endsWith("*") ? type + name : type + " " + name;
        }
    }

    public HelperPrototype {
        parameters = List.copyOf(parameters);
    }

    public HelperPrototype withId(int newId) {
        return new HelperPrototype(name, newId, returnType, parameters, variadic);
    }

    public String declaration() {
        String params = parameters.isEmpty() && !variadic ? "void"
                : parameters.stream().map(Parameter::declaration).collect(Collectors.joining(", "))
                        + (variadic ? (parameters.isEmpty() ? "..." : ", ...") : "");
        String ret = returnType.endsWith("*") ? returnType : returnType + " ";
        return "static " + ret + "(* const " + name + ")(" + params + ") = (void *) " + id + ";";
    }
}
