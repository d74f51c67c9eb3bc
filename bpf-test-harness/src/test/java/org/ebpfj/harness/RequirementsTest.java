package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ebpfj.kernel.error.PermissionException;
import org.ebpfj.object.machine.KernelVersion;
import org.ebpfj.object.uapi.MapType;
import org.ebpfj.object.uapi.ProgramType;
import org.junit.jupiter.api.Test;

/**
 * The skip-or-fail decision on made-up kernels (no kernel needed): what the environment lacks skips, what a new
 * enough kernel should have but refuses fails.
 */
class RequirementsTest {

    /** A kernel of the given release that supports nothing in {@code missing}. */
    private record FakeKernel(String release, Optional<String> bpfUnavailable, Set<Object> missing)
            implements KernelFacts {
        @Override
        public Optional<KernelVersion> version() {
            return KernelVersion.tryParse(release);
        }

        @Override
        public boolean supports(MapType type) {
            return !missing.contains(type);
        }

        @Override
        public boolean supports(ProgramType type) {
            if (type == ProgramType.TRACING && release.contains("lockdown")) {
                throw new PermissionException("program type TRACING", "loading", 1, Set.of(),
                        Optional.of("integrity"), "kernel lockdown is 'integrity'");
            }
            return !missing.contains(type);
        }
    }

    private static final FakeKernel OLD = new FakeKernel("5.4.0-150-generic", Optional.empty(),
            Set.of(MapType.RINGBUF, ProgramType.SYSCALL));
    private static final FakeKernel NEW_BUT_MISSING = new FakeKernel("6.18.44", Optional.empty(),
            Set.of(MapType.RINGBUF, ProgramType.LIRC_MODE2));
    private static final FakeKernel UNPRIVILEGED = new FakeKernel("6.18.44", Optional.of(
            "this process cannot use bpf(): EPERM: neither CAP_BPF nor CAP_SYS_ADMIN"), Set.of(MapType.RINGBUF));

    private static Requirements needs(Set<MapType> maps, Set<ProgramType> programs, String kernel) {
        return new Requirements(true, kernel.isEmpty() ? Optional.empty() : KernelVersion.tryParse(kernel), maps,
                programs);
    }

    @Test
    void aTypeThePolicyForbidsIsASkipThatNamesThePolicyNotAMissingFeature() {
        FakeKernel lockedDown = new FakeKernel("6.18.44-lockdown", Optional.empty(), Set.of());

        Verdict v = needs(Set.of(), Set.of(ProgramType.TRACING), "").evaluate(lockedDown);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.SKIP);
        assertThat(v.reason()).contains("program type TRACING").contains("EPERM").contains("lockdown is 'integrity'");
    }

    @Test
    void aTypeOlderKernelsLackIsASkipThatNamesTheRelease() {
        Verdict v = needs(Set.of(MapType.RINGBUF), Set.of(), "").evaluate(OLD);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.SKIP);
        assertThat(v.reason()).isEqualTo("needs map type RINGBUF (Linux 5.8 or later); this kernel is"
                + " 5.4.0-150-generic and creating a minimal RINGBUF map failed");
    }

    @Test
    void aTypeANewEnoughKernelRefusesIsAFailure() {
        Verdict v = needs(Set.of(MapType.RINGBUF), Set.of(ProgramType.LIRC_MODE2), "").evaluate(NEW_BUT_MISSING);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
        assertThat(v.reason()).contains("map type RINGBUF should be available: it arrived in Linux 5.8 and this"
                + " kernel is 6.18.44, but creating a minimal RINGBUF map failed")
                .contains("program type LIRC_MODE2 should be available: it arrived in Linux 4.18")
                .contains("a skip could hide either");
    }

    @Test
    void aFailureWinsOverSkipsAndKeepsTheirReasons() {
        FakeKernel k = new FakeKernel("5.4.0", Optional.empty(), Set.of(MapType.RINGBUF, MapType.QUEUE));

        Verdict v = needs(Set.of(MapType.RINGBUF, MapType.QUEUE), Set.of(), "").evaluate(k);

        assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
        assertThat(v.reason()).startsWith("map type QUEUE should be available").doesNotContain("RINGBUF");
        assertThat(Verdict.combine(List.of(Verdict.skip("a"), Verdict.fail("b"), Verdict.skip("c"))))
                .isEqualTo(Verdict.fail("b"));
        assertThat(Verdict.combine(List.of(Verdict.RUN, Verdict.skip("a"), Verdict.skip("c"))))
                .isEqualTo(Verdict.skip("a; c"));
    }

    @Test
    void withoutBpfNothingIsProbedAndTheReasonSaysWhatIsMissing() {
        Verdict v = needs(Set.of(MapType.RINGBUF), Set.of(), "").evaluate(UNPRIVILEGED);

        assertThat(v.kind()).as("a probe cannot answer without privileges; that is a skip, not a failure")
                .isEqualTo(Verdict.Kind.SKIP);
        assertThat(v.reason()).contains("CAP_BPF").contains("CAP_SYS_ADMIN").doesNotContain("RINGBUF");
    }

    @Test
    void aMinimumKernelSkipsOlderKernelsOnly() {
        assertThat(needs(Set.of(), Set.of(), "5.17").evaluate(OLD))
                .isEqualTo(Verdict.skip("needs Linux 5.17 or later; this kernel is 5.4.0-150-generic"));
        assertThat(needs(Set.of(), Set.of(), "5.17").evaluate(NEW_BUT_MISSING)).isEqualTo(Verdict.RUN);
        assertThat(needs(Set.of(), Set.of(), "6.18.44").evaluate(NEW_BUT_MISSING)).isEqualTo(Verdict.RUN);
        assertThat(needs(Set.of(), Set.of(), "6.18.45").evaluate(NEW_BUT_MISSING).kind())
                .isEqualTo(Verdict.Kind.SKIP);
    }

    @Test
    void strictModeTurnsASkipIntoAFailureWithTheSameReason() {
        Verdict skip = needs(Set.of(MapType.RINGBUF), Set.of(), "").evaluate(OLD);

        assertThat(StrictMode.failure(skip)).hasMessage("would be skipped, but bpf.test.strict=true turns skips into"
                + " failures: " + skip.reason());
        assertThat(StrictMode.failure(Verdict.fail("why"))).hasMessage("why");
    }

    @Test
    void requirementsComeFromEveryLevel() throws Exception {
        @RequiresKernel("5.10")
        @RequiresMapType(MapType.QUEUE)
        class Annotated {
            @RequiresKernel("5.17")
            @RequiresProgramType(ProgramType.SYSCALL)
            @RequiresMapType(MapType.LRU_HASH)
            void method() {
            }
        }
        Requirements r = Requirements.of(List.of(Annotated.class, Annotated.class.getDeclaredMethod("method")));

        assertThat(r.minimumKernel()).contains(KernelVersion.of(5, 17));
        assertThat(r.mapTypes()).containsExactlyInAnyOrder(MapType.QUEUE, MapType.LRU_HASH);
        assertThat(r.programTypes()).containsExactly(ProgramType.SYSCALL);
        assertThat(r.needsBpf()).as("probes need bpf()").isTrue();
        assertThat(Requirements.of(List.of(RequiresOnlyAKernel.class)).needsBpf()).isFalse();
    }

    @RequiresKernel("5.17")
    private static final class RequiresOnlyAKernel {
    }
}
