package org.ebpfj.object.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;

import org.ebpfj.object.spec.MapOrigin;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.spec.MapCreateAttr;

/** The rules per target kernel: the limits measured in 5.10 / 6.1 / 6.12 guests, and the grouped verdicts. */
class TargetKernelsTest {
    private static final KernelProfile V5_10 = KernelTargets.profile(KernelVersion.of(5, 10));
    private static final KernelProfile V6_1 = KernelTargets.profile(KernelVersion.of(6, 1));
    private static final KernelProfile V6_12 = KernelTargets.profile(KernelVersion.of(6, 12));

    private static Prediction predict(KernelProfile p, String line) throws ParseException {
        return new MapRuleEngine(p).predict(MapCreateAttr.parse(line));
    }

    @Test
    void hashKeyAboveTheBpfStackIsE2bigBefore61Only() throws ParseException {
        assertThat(predict(V5_10, "HASH 513 8 16 0").ruleId()).contains("hash.key-size-stack");
        assertThat(predict(V5_10, "HASH 513 8 16 0").errno()).contains(Errno.E2BIG);
        assertThat(predict(V5_10, "HASH 512 8 16 0").ok()).isTrue();
        assertThat(predict(V6_1, "HASH 513 8 16 0").ok()).isTrue();
        assertThat(predict(V6_12, "LRU_HASH 4096 8 16 0").ok()).isTrue();
    }

    @Test
    void hashValueLimitMovedFromValueAloneToKeyPlusValue() throws ParseException {
        // 5.10: value_size >= 4194304 - 512 - 48 = 4193744 is E2BIG, whatever the key.
        assertThat(predict(V5_10, "HASH 4 4193743 1 0").ok()).isTrue();
        assertThat(predict(V5_10, "HASH 4 4193744 1 0").ruleId()).contains("hash.value-size-stack");
        // The guests' probe: key + value 4194255 is E2BIG on 5.10 only, 4194256 everywhere.
        assertThat(predict(V5_10, "HASH 4 4194251 1 0").errno()).contains(Errno.E2BIG);
        assertThat(predict(V6_1, "HASH 4 4194251 1 0").ok()).isTrue();
        assertThat(predict(V6_1, "HASH 4 4194252 1 0").ruleId()).contains("hash.key-value-size");
        assertThat(predict(V6_12, "HASH 4 4194252 1 0").errno()).contains(Errno.E2BIG);
    }

    @Test
    void limitsFoundByTheDifferentialTestIn510Guests() throws ParseException {
        assertThat(predict(V5_10, "ARRAY 4 4194305 1 0").ruleId()).contains("array.value-size-kmalloc");
        assertThat(predict(V5_10, "ARRAY 4 4194304 1 0").ok()).isTrue();
        assertThat(predict(V6_1, "ARRAY 4 4194305 1 0").ok()).isTrue();
        assertThat(predict(V5_10, "CGROUP_STORAGE 8 4097 0 0").ruleId()).contains("cgroup-storage.value-size-page");
        assertThat(predict(V5_10, "PERCPU_CGROUP_STORAGE 8 4096 0 0").ok()).isTrue();
        assertThat(predict(V6_1, "CGROUP_STORAGE 8 4097 0 0").ok()).isTrue();
        assertThat(predict(V5_10, "LPM_TRIE 8 8 4294967295 NO_PREALLOC").ruleId()).contains("lpm-trie.charge");
        assertThat(predict(V5_10, "LPM_TRIE 8 8 1000000 NO_PREALLOC").ok()).isTrue();
        assertThat(predict(V6_1, "LPM_TRIE 8 8 4294967295 NO_PREALLOC").ok()).isTrue();
    }

    @Test
    void queuesOfMoreThanU32MaxBytesAreE2bigEarlyOnDebians612Only() throws ParseException {
        KernelProfile debian612 = KernelTargets.profile(KernelVersion.parse("6.12.118"));
        // The 6.12.118 guest's bisection: the first E2BIG is at exactly 2^32 bytes of elements, for any value size.
        assertThat(predict(debian612, "STACK 0 8 536870911 0").ruleId()).contains("queue-stack.total-size");
        assertThat(predict(debian612, "QUEUE 0 1 4294967295 0").ruleId()).contains("queue-stack.total-size");
        assertThat(predict(debian612, "STACK 0 8 536870910 0").ruleId()).isNotEqualTo(Optional.of("queue-stack.total-size"));
        assertThat(predict(debian612, "QUEUE 0 1 4294967294 0").ruleId()).isNotEqualTo(Optional.of("queue-stack.total-size"));
        // It comes before the token check: the CI run that found it sent TOKEN_FD without a token.
        assertThat(predict(debian612, "STACK 0 7187 597602 TOKEN_FD").errno()).contains(Errno.E2BIG);
        assertThat(predict(debian612, "STACK 0 7187 597601 TOKEN_FD").ruleId()).contains("generic.token-fd");
        for (String other : List.of("6.12", "6.12.117", "6.18.44", "7.2.13")) {
            KernelProfile p = KernelTargets.profile(KernelVersion.parse(other));
            assertThat(predict(p, "STACK 0 7187 597602 TOKEN_FD").ruleId()).as(other).contains("generic.token-fd");
        }
    }

    @Test
    void mapTypesAppearWithTheirRelease() throws ParseException {
        assertThat(predict(V6_1, "ARENA 0 0 1 MMAPABLE").ruleId()).contains("generic.map-type");
        assertThat(predict(V6_1, "ARENA 0 0 1 MMAPABLE").message()).contains("need Linux 6.9");
        assertThat(predict(V5_10, "BLOOM_FILTER 0 4 16 0").errno()).contains(Errno.EINVAL);
        assertThat(predict(V6_1, "BLOOM_FILTER 0 4 16 0").ok()).isTrue();
        assertThat(predict(V6_1, "CGRP_STORAGE 4 4 0 NO_PREALLOC").ruleId()).contains("generic.map-type");
    }

    @Test
    void verdictsGroupKernelsThatAnswerAlike() {
        MapSpec big = MapSpec.builder("sessions", MapType.HASH).keySize(513).valueSize(8).maxEntries(16)
                .location(new SourceLocation("src/main/bpf/s.bpf.c", 7, 1)).origin(MapOrigin.BTF_DEFINED)
                .section(".maps").build();
        TargetVerdicts t = TargetVerdicts.of(big, List.of(V5_10, V6_1, V6_12), CheckOptions.defaults());

        assertThat(t.summary()).startsWith("OK on 6.1+; E2BIG on 5.10: [hash.key-size-stack] key_size 513 > 512");
        assertThat(t.failures()).extracting(v -> v.kernel().toString()).containsExactly("5.10");
        assertThat(org.ebpfj.object.report.FindingLine.of(t.toViolation().orElseThrow())).startsWith("src/main/bpf/s.bpf.c:7: error: "
                + "[hash.key-size-stack] map 'sessions' (HASH): OK on 6.1+; E2BIG on 5.10");
        assertThat(TargetVerdicts.of(big, List.of(V6_1, V6_12), CheckOptions.defaults()).toViolation()).isEmpty();
    }

    @Test
    void targetListsAreParsedSortedAndCheckedForAge() {
        assertThat(KernelTargets.parse("6.12, 5.10 6.1,6.12.118+deb13-amd64")).extracting(p -> p.version().toString())
                .containsExactly("5.10", "6.1", "6.12", "6.12.118");
        assertThatThrownBy(() -> KernelTargets.parse("4.19")).hasMessageContaining("older than 5.10");
        assertThatThrownBy(() -> KernelTargets.parse("latest")).hasMessageContaining("'latest' is not a kernel version");
        assertThatThrownBy(() -> KernelTargets.parse(" , ")).hasMessageContaining("no kernel version given");
    }

    @Test
    void historyListsEveryChangeAfterTheOldestTarget() {
        List<RuleHistory.Change> changes = RuleHistory.since(KernelVersion.of(5, 10));
        assertThat(changes).extracting(RuleHistory.Change::subject)
                .contains("ARENA maps", "BLOOM_FILTER maps", "TASK_STORAGE maps", "hash key size",
                        "map memory accounting", "BPF_F_TOKEN_FD flag");
        assertThat(changes).isSortedAccordingTo((a, b) -> a.since().compareTo(b.since()));
        assertThat(RuleHistory.since(KernelVersion.of(6, 12))).extracting(RuleHistory.Change::subject)
                .doesNotContain("hash key size", "ARENA maps");
        assertThat(RuleHistory.chargesMemlock(KernelVersion.of(5, 10))).isTrue();
        assertThat(RuleHistory.chargesMemlock(KernelVersion.of(5, 11))).isFalse();
    }
}
