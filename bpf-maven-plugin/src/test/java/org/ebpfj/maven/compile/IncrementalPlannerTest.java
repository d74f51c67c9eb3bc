package org.ebpfj.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.ebpfj.maven.compile.IncrementalPlanner.Decision;
import org.ebpfj.maven.compile.IncrementalPlanner.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalPlannerTest {

    @TempDir
    Path dir;

    private SourceUnit a;
    private SourceUnit b;
    private Path header;
    private final IncrementalPlanner planner = new IncrementalPlanner();

    @BeforeEach
    void files() throws Exception {
        a = unit("a");
        b = unit("b");
        header = Files.writeString(dir.resolve("src/shared.h"), "#define X 1\n");
        setTime(header, 1_000_000);
    }

    private SourceUnit unit(String name) throws Exception {
        Path source = dir.resolve("src/" + name + ".bpf.c");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "int " + name + ";\n");
        setTime(source, 1_000_000);
        SourceUnit unit = SourceUnit.of(dir.resolve("src"), source, dir.resolve("out"), dir.resolve("deps"));
        Files.createDirectories(unit.object().getParent());
        Files.writeString(unit.object(), "OBJ");
        return unit;
    }

    private static void setTime(Path file, long millis) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
    }

    /** State as a previous build would have left it: a read the header, b did not. */
    private BuildState previous(String fingerprint) {
        return new BuildState(fingerprint, Map.of(
                a.source(), new BuildState.Entry(a.object(), List.of(stamp(a.source()), stamp(header))),
                b.source(), new BuildState.Entry(b.object(), List.of(stamp(b.source())))));
    }

    private static FileStamp stamp(Path file) {
        return FileStamp.of(file).orElseThrow();
    }

    private List<Decision> plan(BuildState previous) {
        return planner.plan(List.of(a, b), "flags-1", previous).decisions();
    }

    @Test
    void nothingChangedNothingToCompile() {
        assertThat(plan(previous("flags-1"))).extracting(Decision::reason)
                .containsExactly(Reason.UP_TO_DATE, Reason.UP_TO_DATE);
    }

    @Test
    void firstBuildCompilesEverything() {
        assertThat(plan(BuildState.empty())).extracting(Decision::reason)
                .containsExactly(Reason.NEW_SOURCE, Reason.NEW_SOURCE);
    }

    @Test
    void changedFlagsRecompileEverything() {
        assertThat(plan(previous("flags-0"))).extracting(Decision::reason)
                .containsExactly(Reason.FLAGS_CHANGED, Reason.FLAGS_CHANGED);
    }

    @Test
    void touchedHeaderRecompilesExactlyItsDependants() throws Exception {
        BuildState before = previous("flags-1");
        setTime(header, 2_000_000);

        List<Decision> decisions = plan(before);

        assertThat(decisions.get(0).reason()).isEqualTo(Reason.INPUTS_CHANGED);
        assertThat(decisions.get(0).changedInputs()).containsExactly(header);
        assertThat(decisions.get(0).explain()).isEqualTo("changed: shared.h");
        assertThat(decisions.get(1).reason()).isEqualTo(Reason.UP_TO_DATE);
    }

    @Test
    void sameTimeOtherSizeIsAChange() throws Exception {
        BuildState before = previous("flags-1");
        Files.writeString(b.source(), "int b; int more;\n");
        setTime(b.source(), 1_000_000);

        assertThat(plan(before).get(1).reason()).isEqualTo(Reason.INPUTS_CHANGED);
    }

    @Test
    void anOlderHeaderIsAChangeToo() throws Exception {
        BuildState before = previous("flags-1");
        setTime(header, 500_000); // e.g. restored from version control

        assertThat(plan(before).get(0).reason()).isEqualTo(Reason.INPUTS_CHANGED);
    }

    @Test
    void deletedHeaderIsAChange() throws Exception {
        BuildState before = previous("flags-1");
        Files.delete(header);

        assertThat(plan(before).get(0).reason()).isEqualTo(Reason.INPUTS_CHANGED);
    }

    @Test
    void missingObjectIsRebuilt() throws Exception {
        BuildState before = previous("flags-1");
        Files.delete(b.object());

        assertThat(plan(before).get(1).reason()).isEqualTo(Reason.OBJECT_MISSING);
    }

    @Test
    void anInputThatChangedDuringCompilationNeverMatches() {
        BuildState before = new BuildState("flags-1", Map.of(
                a.source(), new BuildState.Entry(a.object(), List.of(stamp(a.source()), FileStamp.unknown(header))),
                b.source(), new BuildState.Entry(b.object(), List.of(stamp(b.source())))));

        assertThat(plan(before).get(0).reason()).isEqualTo(Reason.INPUTS_CHANGED);
    }

    @Test
    void objectsOfRemovedSourcesAreStale() {
        IncrementalPlanner.Plan plan = planner.plan(List.of(b), "flags-1", previous("flags-1"));

        assertThat(plan.staleObjects()).containsExactly(a.object());
        assertThat(plan.toCompile()).isEmpty();
    }
}
