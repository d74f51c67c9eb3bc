import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

import org.ebpfj.object.codegen.CodeGenerator;
import org.ebpfj.object.codegen.CodegenOptions;
import org.ebpfj.object.codegen.GeneratedSources;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.ebpfj.object.uapi.MapType;

/**
 * Runs the code generator over BPF objects and reports what it covers: records per object, which event maps got a
 * typed reader, which maps are typed, and whether every record compiles at --release 17 -Werror. Run by
 * bench/codegen-coverage.sh (java -cp bpf-object.jar bench/CodegenCoverage.java OUT_DIR FILE.o...).
 */
public final class CodegenCoverage {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int objects = 0;
        int records = 0;
        int maps = 0;
        int typed = 0;
        int eventMaps = 0;
        int typedEvents = 0;
        int failures = 0;
        for (int i = 1; i < args.length; i++) {
            Path object = Path.of(args[i]);
            String file = object.getFileName().toString();
            String pkg = "gen." + file.replace(".bpf.o", "").replaceAll("[^A-Za-z0-9]", "");
            byte[] bytes = Files.readAllBytes(object);
            GeneratedSources g = CodeGenerator.generate(bytes, file, CodegenOptions.of(pkg, "/" + file));
            ObjectSpec spec = ObjectSpecReader.read(bytes, file);
            objects++;
            records += g.records().size() - 1; // BpfBytes is support, not a record
            List<String> events = new ArrayList<>();
            for (GeneratedSources.MapCoverage c : g.coverage()) {
                maps++;
                typed += c.typed() ? 1 : 0;
                MapType type = spec.map(c.map()).flatMap(m -> m.type()).orElse(MapType.HASH);
                if (type == MapType.RINGBUF || type == MapType.PERF_EVENT_ARRAY || type == MapType.USER_RINGBUF) {
                    eventMaps++;
                    if (!c.valueType().isEmpty()) {
                        typedEvents++;
                        events.add(c.map() + " -> " + c.valueType());
                    } else {
                        events.add(c.map() + " -> bytes");
                    }
                }
            }
            String errors = compile(out.resolve(pkg), g.records());
            failures += errors.isEmpty() ? 0 : 1;
            System.out.printf("%-28s %2d records  events: %s%s%n", file, g.records().size() - 1, events,
                    errors.isEmpty() ? "" : "  COMPILE ERRORS:\n" + errors);
            g.notes().stream().filter(n -> n.contains("event")).forEach(n -> System.out.println("    note: " + n));
        }
        System.out.printf("%d objects, %d records (all compile: %s), %d of %d maps typed, %d of %d event maps"
                + " with a typed reader%n", objects, records, failures == 0, typed, maps, typedEvents, eventMaps);
        System.exit(failures == 0 ? 0 : 1);
    }

    private static String compile(Path dir, List<GeneratedSources.GeneratedFile> files) throws Exception {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d",
                dir.resolve("classes").toString()));
        for (GeneratedSources.GeneratedFile f : files) {
            Path p = dir.resolve("src").resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
            args.add(p.toString());
        }
        StringWriter messages = new StringWriter();
        PrintWriter log = new PrintWriter(messages);
        int rc = ToolProvider.findFirst("javac").orElseThrow().run(log, log, args.toArray(String[]::new));
        log.flush();
        return rc == 0 ? "" : messages.toString();
    }
}
