package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    @Test
    void idsAreUniqueAndEveryRuleIsDocumented() {
        List<RuleInfo> all = RuleCatalog.all();
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : all) {
            assertThat(ids.add(r.id())).as("unique id %s", r.id()).isTrue();
            assertThat(r.id()).matches("[a-z0-9-]+\\.([a-z0-9-]+|\\*)");
            assertThat(r.summary()).as(r.id()).isNotBlank().doesNotEndWith(".");
            assertThat(r.kernelFunction()).as(r.id()).isNotBlank();
        }
        assertThat(all).hasSize(KernelRules.ordered().size() + LoaderRules.all().size() + AdviceRules.all().size());
    }

    @Test
    void rulesAreListedInTheOrderTheyApply() {
        Stage previous = Stage.LOADER;
        for (RuleInfo r : RuleCatalog.all()) {
            assertThat(r.stage()).as(r.id()).isGreaterThanOrEqualTo(previous);
            previous = r.stage();
        }
    }

    @Test
    void kernelRulesCarryTheirErrnoAndAreErrors() {
        for (KernelRule r : KernelRules.ordered()) {
            RuleInfo info = RuleCatalog.byId(r.id()).orElseThrow();
            assertThat(info.severity()).isEqualTo(Severity.ERROR);
            assertThat(info.errno()).hasValue(r.errno());
        }
        assertThat(RuleCatalog.byId("array.key-size").orElseThrow().kernelFunction())
                .isEqualTo("array_map_alloc_check");
        assertThat(RuleCatalog.byId("hash.key-value-size").orElseThrow().kernelFunction())
                .isEqualTo("htab_map_alloc_check");
    }
}
