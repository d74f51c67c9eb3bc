package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Keeps the site's rule reference in step with the catalog. After changing rules, regenerate it with
 * {@code ./mvnw -pl bpf-object test -Dtest=RulesPageTest -Dupdate.docs=true} and commit the result.
 */
class RulesPageTest {

    @Test
    void theCommittedPageMatchesTheCatalog() throws IOException {
        Path page = repositoryRoot().resolve("src/site/markdown/rules.md");
        String expected = RulesPage.render();
        if (Boolean.getBoolean("update.docs")) {
            Files.createDirectories(page.getParent());
            Files.writeString(page, expected, StandardCharsets.UTF_8);
        }
        assertThat(page).as("the rule reference " + page + " is missing: run ./mvnw -pl bpf-object test "
                + "-Dtest=RulesPageTest -Dupdate.docs=true").exists();
        String committed = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(committed).as(page + " is out of date with the rule catalog: rerun with ./mvnw -pl bpf-object "
                + "test -Dtest=RulesPageTest -Dupdate.docs=true and commit the file").isEqualTo(expected);
    }

    @Test
    void everyRuleHasItsRow() {
        String page = RulesPage.render();
        for (RuleInfo r : RuleCatalog.all()) {
            assertThat(page).contains("| `" + r.id() + "` |");
        }
    }

    /** The directory holding the Maven wrapper: tests run in the module directory. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (with mvnw) above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
