import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfReader;
import org.ebpfj.object.cdump.CHeaderOptions;
import org.ebpfj.object.cdump.CHeaderWriter;

/**
 * Writes vmlinux.h from a BTF file the way the plugin's vmlinux goal does, and compares what it declares with a
 * header bpftool wrote from the same BTF: the named structs, unions, enums, typedefs and enumerators each defines.
 * Run by bench/vmlinux-vs-bpftool.sh (java -cp bpf-object.jar bench/VmlinuxCompare.java BTF BPFTOOL_H OUT_H).
 */
public final class VmlinuxCompare {
    private static final Pattern TAGGED = Pattern.compile("^(struct|union|enum) (\\w+) \\{", Pattern.MULTILINE);
    private static final Pattern FN_TYPEDEF = Pattern.compile("\\(\\*(\\w+)\\)");
    private static final Pattern PLAIN_TYPEDEF = Pattern.compile("(\\w+)\\s*(\\[[^\\]]*\\]\\s*)*;$");
    private static final Pattern ENUMERATOR = Pattern.compile("^\\t(\\w+)( = -?\\w+)?,?$", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        Btf btf = BtfReader.read(Files.readAllBytes(Path.of(args[0])));
        String ours = CHeaderWriter.toString(btf, CHeaderOptions.defaults());
        Files.writeString(Path.of(args[2]), ours);
        String bpftool = Files.readString(Path.of(args[1]));
        int differences = 0;
        differences += compare("struct/union/enum definitions", tagged(bpftool), tagged(ours));
        differences += compare("typedefs", typedefs(bpftool), typedefs(ours));
        differences += compare("enumerators", enumerators(bpftool), enumerators(ours));
        System.out.println(differences == 0 ? "SAME declarations" : differences + " declaration(s) differ");
        System.exit(differences == 0 ? 0 : 1);
    }

    private static int compare(String what, Set<String> bpftool, Set<String> ours) {
        Set<String> onlyBpftool = new TreeSet<>(bpftool);
        onlyBpftool.removeAll(ours);
        Set<String> onlyOurs = new TreeSet<>(ours);
        onlyOurs.removeAll(bpftool);
        System.out.printf("%-30s bpftool %6d, ebpfj %6d, only in bpftool %d, only in ebpfj %d%n", what,
                bpftool.size(), ours.size(), onlyBpftool.size(), onlyOurs.size());
        show("only in bpftool", onlyBpftool);
        show("only in ebpfj", onlyOurs);
        return onlyBpftool.size() + onlyOurs.size();
    }

    private static void show(String label, Set<String> names) {
        if (!names.isEmpty()) {
            System.out.println("    " + label + ": " + List.copyOf(names).subList(0, Math.min(20, names.size()))
                    + (names.size() > 20 ? " ..." : ""));
        }
    }

    private static Set<String> tagged(String header) {
        Set<String> out = new TreeSet<>();
        Matcher m = TAGGED.matcher(header);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2));
        }
        return out;
    }

    /** Typedef names, from declarations that may span lines (a typedef of an anonymous struct has a body). */
    private static Set<String> typedefs(String header) {
        Set<String> out = new TreeSet<>();
        StringBuilder decl = null;
        int depth = 0;
        for (String line : header.split("\n")) {
            if (decl == null && !line.startsWith("typedef ")) {
                continue;
            }
            if (decl == null) {
                decl = new StringBuilder();
            }
            decl.append(' ').append(line.trim());
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth == 0 && line.trim().endsWith(";")) {
                String d = decl.toString().replaceAll("\\{.*\\}", "{}");
                Matcher fn = FN_TYPEDEF.matcher(d);
                Matcher plain = PLAIN_TYPEDEF.matcher(d);
                if (fn.find()) {
                    out.add(fn.group(1));
                } else if (plain.find()) {
                    out.add(plain.group(1));
                }
                decl = null;
            }
        }
        return out;
    }

    private static Set<String> enumerators(String header) {
        Set<String> out = new TreeSet<>();
        Matcher m = ENUMERATOR.matcher(header);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private VmlinuxCompare() {
    }
}
