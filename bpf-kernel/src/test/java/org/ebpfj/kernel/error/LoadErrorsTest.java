package org.ebpfj.kernel.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.Kernel;
import org.ebpfj.kernel.LoadOptions;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.TestObjects;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.object.rules.Violation;
import org.ebpfj.object.spec.MapSpec;
import org.ebpfj.object.spec.SourceLocation;
import org.ebpfj.object.uapi.Errno;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a failed load says: the map or program at fault, the errno, and why. */
@ExtendWith(RequireBpf.class)
class LoadErrorsTest {
    private static final int EPERM = 1;
    private static final int EACCES = 13;
    private static final int EINVAL = 22;

    @Test
    void arrayWithEightByteKeyFailsAtMapCreateWithEinval() {
        MapCreateException e = catchThrowableOfType(MapCreateException.class,
                () -> TestObjects.load(TestObjects.ARRAY_KEY8).close());
        assertThat(e.errno()).isEqualTo(EINVAL);
        assertThat(e.errnoConstant()).hasValue(Errno.EINVAL);
        assertThat(e.mapName()).isEqualTo("wide_key_array");
        assertThat(e.spec().is(MapType.ARRAY)).isTrue();
        assertThat(e.spec().keySize()).isEqualTo(8);
        assertThat(e.spec().location()).as("from the object's DWARF, read by ObjectSpecReader")
                .extracting(SourceLocation::file, SourceLocation::line).containsExactly("array_key8.bpf.c", 4);
        assertThat(e.predictedRuleId()).hasValue("array.key-size");
        assertThat(e.explanation().flatMap(Violation::errno)).hasValue(Errno.EINVAL);
        assertThat(e.reason()).isEqualTo("[array.key-size] key_size is 8, an ARRAY key is the 32-bit index: "
                + "key_size must be 4");
        assertThat(e.getMessage())
                .startsWith("map 'wide_key_array' (ARRAY) at array_key8.bpf.c:4: map create: invalid argument "
                        + "(EINVAL): [array.key-size] key_size is 8, an ARRAY key is the 32-bit index: key_size "
                        + "must be 4\n")
                .contains("definition: map 'wide_key_array' (ARRAY, key 8, value 4, max_entries 4");
    }

    @Test
    void withoutTheOfflineReaderTheRulesStillExplainButNoLineIsKnown() {
        MapCreateException e = catchThrowableOfType(MapCreateException.class, () -> TestObjects.load(
                TestObjects.ARRAY_KEY8, LoadOptions.builder().withoutSpecReader().build()).close());
        assertThat(e.spec().location().hasLine()).isFalse();
        assertThat(e.predictedRuleId()).hasValue("array.key-size");
        assertThat(e.getMessage()).startsWith("map 'wide_key_array' (ARRAY): map create: invalid argument (EINVAL): "
                + "[array.key-size]");
    }

    @Test
    void standaloneArrayWithEightByteKeyFailsTheSameWay() {
        MapSpec spec = MapSpec.builder("wide_key", MapType.ARRAY).keySize(8).valueSize(4).maxEntries(4).build();
        assertThatThrownBy(() -> RawMap.create(spec))
                .isInstanceOfSatisfying(MapCreateException.class, e -> {
                    assertThat(e.errno()).isEqualTo(EINVAL);
                    assertThat(e.spec()).isEqualTo(spec);
                    assertThat(e.predictedRuleId()).hasValue("array.key-size");
                })
                .hasMessageStartingWith("map 'wide_key' (ARRAY): map create: invalid argument (EINVAL): "
                        + "[array.key-size] key_size is 8");
    }

    @Test
    void lruWithoutPreallocationIsNotSupported() {
        MapSpec spec = MapSpec.builder("lru_noprealloc", MapType.LRU_HASH).keySize(4).valueSize(4).maxEntries(8)
                .flags(MapFlag.NO_PREALLOC).build();
        assertThatThrownBy(() -> RawMap.create(spec))
                .isInstanceOfSatisfying(MapCreateException.class, e -> {
                    assertThat(e.errno()).isEqualTo(524);
                    assertThat(e.predictedRuleId()).hasValue("lru.no-prealloc");
                })
                .hasMessageStartingWith("map 'lru_noprealloc' (LRU_HASH): map create: operation not supported "
                        + "(kernel-internal ENOTSUPP): [lru.no-prealloc] map_flags has NO_PREALLOC");
    }

    @Test
    void theRulesJudgeTheAttributeAsSentNotTheSpecAsWritten() {
        // RawMap.create sends the first 15 characters of a name, so a long name is no error here
        MapSpec spec = MapSpec.builder("a_name_longer_than_fifteen", MapType.QUEUE).keySize(4).valueSize(8)
                .maxEntries(4).build();
        MapCreateException e = catchThrowableOfType(MapCreateException.class, () -> RawMap.create(spec));
        assertThat(e.predictedRuleId()).hasValue("queue-stack.key-size");
        try (RawMap ok = RawMap.create(spec.toBuilder().keySize(0).build())) {
            assertThat(ok.name()).isEqualTo("a_name_longer_t");
            assertThat(ok.spec()).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo(spec.name()));
        }
    }

    @Test
    void verifierRejectionNamesTheProgramAndKeepsTheLog() {
        VerifierException e = catchThrowableOfType(VerifierException.class,
                () -> TestObjects.load(TestObjects.VERIFIER_REJECT).close());
        assertThat(e.programName()).isEqualTo("unchecked_lookup");
        assertThat(e.errno()).isEqualTo(EACCES);
        assertThat(e.reason()).contains("invalid mem access").contains("map_value_or_null");
        assertThat(e.log()).contains("invalid mem access").contains("processed");
        String message = e.getMessage();
        assertThat(message).startsWith("the verifier rejected program 'unchecked_lookup' (XDP): EACCES: ");
        // the message is short: the reason, a few lines of context, and how much was left out
        long shown = message.lines().filter(l -> l.startsWith("  | ")).count();
        assertThat(shown).isBetween(1L, (long) VerifierException.SHOWN_LINES);
        int meaningful = VerifierException.meaningfulLines(e.log()).size();
        if (meaningful > VerifierException.SHOWN_LINES) {
            assertThat(message).contains("(" + (meaningful - VerifierException.SHOWN_LINES) + " lines omitted");
        }
        assertThat(message).doesNotContain("processed ");
    }

    @Test
    void tracingProgramUnderLockdownNamesLockdown() {
        assertThat(Kernel.lockdown()).as("this test documents a kernel in lockdown").isPresent();
        PermissionException e = catchThrowableOfType(PermissionException.class,
                () -> TestObjects.load(TestObjects.FENTRY).close());
        assertThat(e.errno()).isEqualTo(EPERM);
        assertThat(e.subject()).isEqualTo("program 'on_unlinkat' (TRACING)");
        assertThat(e.missingCapabilities()).isEmpty();
        assertThat(e.lockdown()).isEqualTo(Kernel.lockdown());
        assertThat(e.getMessage()).contains("lockdown mode '" + Kernel.lockdown().orElseThrow() + "'");
    }

    @Test
    void corruptObjectFailsToOpen() {
        byte[] junk = "this is not an ELF file".getBytes();
        assertThatThrownBy(() -> BpfObject.load(junk, "junk", LoadOptions.defaults()))
                .isInstanceOfSatisfying(ObjectLoadException.class, e -> {
                    assertThat(e.objectName()).isEqualTo("junk");
                    assertThat(e.errno()).isNotZero();
                })
                .hasMessageStartingWith("cannot open BPF object 'junk'");
    }

    @Test
    void specEditsNamingAnUnknownMapAreRefused() {
        assertThatThrownBy(() -> TestObjects.spec(TestObjects.SMALL).withMaxEntries("no_such_map", 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no_such_map").hasMessageContaining("[counts]");
    }

    /**
     * libbpf has one print callback per process; each load must still see only its own messages. Threads load a
     * failing and a working object at the same time; every failure must carry its own program's log only.
     */
    @Test
    void concurrentLoadsKeepTheirLogsApart() throws Exception {
        int threads = 4;
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean failing = t % 2 == 0;
                Callable<List<String>> task = () -> {
                    start.await();
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        if (failing) {
                            VerifierException e = catchThrowableOfType(VerifierException.class,
                                    () -> TestObjects.load(TestObjects.VERIFIER_REJECT).close());
                            if (e == null || !e.programName().equals("unchecked_lookup")
                                    || e.log().contains("count_packets")) {
                                problems.add("wrong failure: " + e);
                            }
                        } else {
                            try (BpfObject o = TestObjects.load(TestObjects.SMALL)) {
                                boolean foreign = o.log().stream()
                                        .anyMatch(m -> m.text().contains("unchecked_lookup"));
                                if (foreign) {
                                    problems.add("the working load saw the failing load's messages");
                                }
                            }
                        }
                    }
                    return problems;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<String>> f : results) {
                assertThat(f.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
