package org.ebpfj.maven.headers.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ebpfj.maven.headers.BpfHeaders;
import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin's headers against their test corpus: every public macro and function is used by some source, every
 * source compiles with the embedded clang and with clang-14, and built against libbpf's headers instead (Debian's
 * libbpf-dev, or {@code -Dbpf.test.libbpfInclude=<folder holding bpf/>}) each source that compiles there gives
 * the same map specs and the same BTF. The kernel part (every loadable unit loads) is bpf-kernel's
 * {@code HeaderCorpusLoadTest}. Without a clang or libbpf's headers the tests skip with the reason, and fail in
 * strict mode ({@code -Dbpf.test.strict=true}, CI).
 */
class HeaderCorpusTest {

    private static final Path CORPUS_DIR = Path.of("src/test/bpf/headers");
    private static final Path WORK = Path.of("target/header-corpus");

    @Test
    void theSourceListIsTheFolder() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS_DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpf.c")))
                    .containsExactlyInAnyOrderElementsOf(HeaderCorpus.SOURCES);
        }
    }

    @Test
    void everyPublicMacroAndFunctionOfTheHeadersIsUsedByTheCorpus() throws IOException {
        StringBuilder corpus = new StringBuilder();
        for (String source : HeaderCorpus.SOURCES) {
            corpus.append(Files.readString(CORPUS_DIR.resolve(source))).append('\n');
        }
        TreeSet<String> unused = new TreeSet<>();
        for (String header : BpfHeaders.FIXED) {
            for (String name : publicNames(Files.readString(Path.of("src/main/resources/org/ebpfj/maven/headers",
                    header)))) {
                if (!Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(codeOnly(corpus)).find()) {
                    unused.add(header + ": " + name);
                }
            }
        }
        assertThat(unused).as("public names no corpus source uses").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"embedded", "clang-14"})
    void everyUnitCompilesAgainstThePluginsHeaders(String clangName) throws IOException {
        Path clang = require(Clangs.byName(clangName));
        HeaderCorpus corpus = corpus();
        List<HeaderCorpus.Built> built = corpus.build(clangName + "-own", clang, corpus.ownHeaders());

        List<String> failed = built.stream().filter(b -> !b.compiled())
                .map(b -> b.unit().name() + ":\n" + b.firstErrors()).collect(Collectors.toList());
        assertThat(failed).as("units that do not compile with " + clang).isEmpty();
        assertThat(built).hasSize(HeaderCorpus.units().size());
        for (HeaderCorpus.Built b : built) {
            ObjectSpec spec = read(b.object());
            assertThat(spec.programs()).as(b.unit().name() + " programs").isNotEmpty();
            assertThat(spec.btf()).as(b.unit().name() + " BTF").isPresent();
        }
        System.out.println("[header corpus] " + clangName + " (" + clang + "): " + built.size() + " of "
                + built.size() + " units compiled");
    }

    @Test
    void libbpfsHeadersAndOursGiveTheSameMapSpecsAndBtf() throws IOException {
        Path clang = require(Clangs.embedded());
        Path libbpf = require(libbpfInclude());
        HeaderCorpus corpus = corpus();
        List<HeaderCorpus.Built> ours = corpus.build("embedded-own", clang, corpus.ownHeaders());
        List<HeaderCorpus.Built> theirs = corpus.build("embedded-libbpf", clang, libbpf);

        List<String> compared = new ArrayList<>();
        List<String> notInLibbpf = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            HeaderCorpus.Built mine = ours.get(i);
            HeaderCorpus.Built other = theirs.get(i);
            if (!other.compiled()) { // an older libbpf lacks newer macros: nothing to compare
                notInLibbpf.add(other.unit().name() + " (" + other.firstErrors().lines().findFirst().orElse("")
                        + ")");
                continue;
            }
            assertThat(mine.compiled()).as(mine.unit().name() + " compiles with ours").isTrue();
            ObjectSpec a = read(mine.object());
            ObjectSpec b = read(other.object());
            assertThat(maps(a)).as(mine.unit().name() + " map specs").isEqualTo(maps(b));
            assertThat(CanonicalBtf.of(a.btf().orElseThrow())).as(mine.unit().name() + " BTF")
                    .isEqualTo(CanonicalBtf.of(b.btf().orElseThrow()));
            compared.add(mine.unit().name());
        }
        System.out.println("[header corpus] against libbpf's headers in " + libbpf + ": " + compared.size()
                + " units identical " + compared + "; " + notInLibbpf.size() + " do not compile there "
                + notInLibbpf);
        assertThat(compared).as("units compared with libbpf's headers").isNotEmpty();
    }

    private static HeaderCorpus corpus() throws IOException {
        HeaderCorpus.Prepared prepared = HeaderCorpus.prepare(WORK);
        if (prepared.corpus().isEmpty()) {
            skipOrFail(prepared.reason());
        }
        return prepared.corpus().orElseThrow();
    }

    private static Path require(Clangs.Found found) {
        if (found.clang().isEmpty()) {
            skipOrFail(found.reason());
        }
        return found.clang().orElseThrow();
    }

    /** The folder holding libbpf's {@code bpf/bpf_helpers.h}. */
    private static Clangs.Found libbpfInclude() {
        String configured = System.getProperty("bpf.test.libbpfInclude", "");
        Path dir = Path.of(configured.isEmpty() ? "/usr/include" : configured);
        if (Files.isRegularFile(dir.resolve("bpf/bpf_helpers.h"))) {
            return new Clangs.Found(java.util.Optional.of(dir), "");
        }
        return new Clangs.Found(java.util.Optional.empty(), "no libbpf headers in " + dir.resolve("bpf")
                + " (install libbpf-dev with .ci/install-libbpf-dev.sh, or set -Dbpf.test.libbpfInclude)");
    }

    private static void skipOrFail(String reason) {
        if (HeaderCorpus.strict()) {
            fail("strict mode (bpf.test.strict): " + reason);
        }
        Assumptions.abort(reason);
    }

    private static ObjectSpec read(Path object) throws IOException {
        try {
            return ObjectSpecReader.read(object);
        } catch (ObjectFormatException e) {
            throw new AssertionError(object + " is not a readable BPF object: " + e.getMessage(), e);
        }
    }

    /** Each map as plain text, its key and value types in canonical form (not by type id). */
    private static List<String> maps(ObjectSpec spec) {
        return spec.maps().stream().map(HeaderCorpusTest::describe).sorted().collect(Collectors.toList());
    }

    private static String describe(MapSpec m) {
        return m.name() + " type=" + m.typeId() + " key=" + m.keySize() + " value=" + m.valueSize() + " max="
                + m.maxEntries() + " flags=" + m.flags() + " extra=" + m.mapExtra() + " numa=" + m.numaNode()
                + " pinning=" + m.pinning() + " section=" + m.section() + " origin=" + m.origin()
                + " keyType=" + m.keyType().map(t -> CanonicalBtf.reference(t.btf(), t.id())).orElse("-")
                + " valueType=" + m.valueType().map(t -> CanonicalBtf.reference(t.btf(), t.id())).orElse("-")
                + " inner=" + m.innerMap().map(HeaderCorpusTest::describe).orElse("-");
    }

    /** Macro names a user may use: not the include guards, not the ___-prefixed plumbing, not register tables. */
    static List<String> publicNames(String header) {
        List<String> names = new ArrayList<>();
        Matcher define = Pattern.compile("(?m)^#define\\s+([A-Za-z_]\\w*)").matcher(header);
        while (define.find()) {
            String name = define.group(1);
            if (!name.startsWith("___") && !name.startsWith("__PT_") && !name.startsWith("bpf_target_")
                    && !name.matches("__BPF_\\w+__|__BPF_\\w+_H__|__USDT_BPF_H__|__BPF_TARGET_MISSING|E[A-Z]+")) {
                names.add(name);
            }
        }
        Matcher function = Pattern.compile(
                "(?m)^(?:static __always_inline|__weak __hidden)[^\\n(]*\\n[^(\\n]*?\\b(\\w+)\\(")
                .matcher(header);
        while (function.find()) {
            if (!function.group(1).startsWith("__")) {
                names.add(function.group(1));
            }
        }
        return names;
    }

    /** The corpus without comments, so that naming a macro in a comment does not count as using it. */
    private static String codeOnly(CharSequence text) {
        return text.toString().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

}
