package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.GlobalVariable;
import org.ebpfj.kernel.KernelObjects;
import org.ebpfj.kernel.map.BpfMap;
import org.ebpfj.kernel.map.IntIntMap;
import org.ebpfj.kernel.map.PerCpuMap;
import org.ebpfj.kernel.map.QueueMap;
import org.ebpfj.kernel.map.RawMap;
import org.ebpfj.kernel.program.BpfProgram;
import org.ebpfj.object.spec.ObjectSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** What the extension injects, where, and what it says when a field or parameter does not fit the object. */
class InjectionTest {
    private static final String HASH_VS_LRU = "bpf/hash_vs_lru.bpf.o";
    /** Facts the fixtures record for the outer test to check, by test name. */
    private static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    // ---- fixtures ---------------------------------------------------------------------------------------

    @TestKit.Fixture
    @BpfTest(object = HASH_VS_LRU)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EveryKindOfHandle {
        BpfObject object;
        @MapRef("my_u32_elem_map") BpfMap<Integer, Integer> hash;
        @MapRef("my_u32_elem_map") IntIntMap hashAsInts;
        @MapRef("my_u32_lru_elem_map") RawMap lruBytes;
        @MapRef BpfMap<Integer, Integer> small_lru_map; // named by the field
        @ProgramRef("fill_test_run") BpfProgram fill;
        @GlobalRef("keys_to_insert") GlobalVariable keysToInsert;
        BpfObject seenInBeforeEach;

        @BeforeEach
        void before(BpfObject fromParameter) {
            seenInBeforeEach = fromParameter;
        }

        @Test
        @Order(1)
        void fieldsAndParametersShareTheTestsObject(BpfObject param, @MapRef("my_u32_elem_map") IntIntMap hashParam,
                                                    @ProgramRef("fill_test_run") BpfProgram fillParam) {
            assertThat(param).isSameAs(object).isSameAs(seenInBeforeEach);
            assertThat(hash.raw()).isSameAs(hashAsInts.raw()).isSameAs(hashParam.raw())
                    .isSameAs(object.rawMap("my_u32_elem_map"));
            assertThat(lruBytes.name()).isEqualTo("my_u32_lru_elem_map");
            assertThat(small_lru_map.info().maxEntries()).isEqualTo(10);
            assertThat(fillParam).isSameAs(fill);
            assertThat(keysToInsert.getInt()).isEqualTo(1004);
            hash.put(1, 11);
            SEEN.put("first object", object.rawMap("my_u32_elem_map").info().id());
        }

        @Test
        @Order(2)
        void eachTestGetsAFreshObject() {
            assertThat(hash.count()).as("the first test's key is gone with its object").isZero();
            SEEN.put("second object", object.rawMap("my_u32_elem_map").info().id());
        }
    }

    @TestKit.Fixture
    @BpfTest(object = HASH_VS_LRU, lifecycle = BpfTest.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OneObjectPerClass {
        static BpfObject shared;
        @MapRef("my_u32_elem_map") BpfMap<Integer, Integer> hash;
        static int keysSeenBeforeAll = -1;

        @BeforeAll
        static void beforeAll(@MapRef("my_u32_elem_map") IntIntMap fromParameter) {
            fromParameter.put(7, 77);
            keysSeenBeforeAll = (int) fromParameter.count();
        }

        @Test
        @Order(1)
        void staticFieldsAndBeforeAllParametersSeeTheClassObject() {
            assertThat(keysSeenBeforeAll).isEqualTo(1);
            assertThat(hash.lookup(7)).hasValue(77);
            hash.put(8, 88);
            SEEN.put("per-class map", shared.rawMap("my_u32_elem_map").info().id());
        }

        @Test
        @Order(2)
        void laterTestsSeeEarlierWrites() {
            assertThat(hash.lookup(8)).hasValue(88);
            assertThat(shared.rawMap("my_u32_elem_map").info().id()).isEqualTo(SEEN.get("per-class map"));
        }

        @Test
        @Order(3)
        @BpfTest(maxEntries = @MaxEntries(map = "small_lru_map", value = 30))
        void aMethodLevelObjectLivesBesideTheClassObject(BpfObject own) {
            assertThat(own).isNotSameAs(shared);
            assertThat(own.rawMap("small_lru_map").maxEntries()).isEqualTo(30);
            assertThat(shared.rawMap("small_lru_map").maxEntries()).isEqualTo(10);
            assertThat(hash.lookup(8)).as("instance fields come from the test's own object").isEmpty();
        }

        @Nested
        class NestedTests {
            @MapRef("my_u32_elem_map") BpfMap<Integer, Integer> nestedHash;

            @Test
            void nestedClassesGetTheEnclosingSettings() {
                assertThat(nestedHash.info().maxEntries()).isEqualTo(1003);
            }
        }
    }

    @TestKit.Fixture
    @BpfTest(object = HASH_VS_LRU, maxEntries = @MaxEntries(map = "small_lru_map", value = 20))
    static class MethodLevelSettings {
        BpfObject object;

        @Test
        void classSettingsApply(@MapRef("small_lru_map") RawMap small) {
            assertThat(small.maxEntries()).isEqualTo(20);
        }

        @Test
        @BpfTest(maxEntries = @MaxEntries(map = "my_u32_lru_elem_map", value = 50),
                globals = @Global(name = "keys_to_insert", value = "0x10"))
        void methodSettingsAddToTheClasses(@MapRef("my_u32_lru_elem_map") RawMap lru,
                                           @MapRef("small_lru_map") RawMap small,
                                           @GlobalRef("keys_to_insert") GlobalVariable keys) {
            assertThat(lru.maxEntries()).isEqualTo(50);
            assertThat(small.maxEntries()).isEqualTo(20);
            assertThat(keys.getInt()).isEqualTo(16);
        }

        @Test
        @BpfTest(object = "bpf/kinds.bpf.o")
        void methodObjectReplacesTheClasses() {
            assertThat(object.name()).isEqualTo("kinds");
            assertThat(object.mapNames()).contains("flows");
        }
    }

    /** No class-level annotation: only the annotated method loads an object. */
    @TestKit.Fixture
    static class MethodOnly {
        @Test
        @BpfTest(object = "bpf/kinds.bpf.o")
        void annotatedMethodGetsHandles(@MapRef("packets_per_cpu") PerCpuMap<Integer, Long> counts,
                                        @MapRef("packet_sizes") QueueMap<Integer> sizes) {
            assertThat(counts.cpus()).isPositive();
            assertThat(sizes.capacity()).isEqualTo(16);
        }
    }

    @TestKit.Fixture
    @BpfTest(object = HASH_VS_LRU)
    static class WithEditSpec {
        @EditSpec
        static ObjectSpec spec(ObjectSpec spec) {
            return spec.withMaxEntries("small_lru_map", 5).withAutoload("fill_on_execve", false)
                    .withInt("target_ppid", (int) ProcessHandle.current().pid());
        }

        @Test
        void editedSpecApplies(@MapRef("small_lru_map") RawMap small,
                                   @ProgramRef("fill_on_execve") BpfProgram skipped,
                                   @GlobalRef("target_ppid") GlobalVariable ppid) {
            assertThat(small.maxEntries()).isEqualTo(5);
            assertThat(skipped.isLoaded()).isFalse();
            assertThat(ppid.getInt()).isEqualTo((int) ProcessHandle.current().pid());
        }
    }

    @TestKit.Fixture
    @BpfTest(object = HASH_VS_LRU)
    static class Mistakes {
        @Test
        void unknownMap(@MapRef("no_such_map") RawMap map) {
        }

        @Test
        void unknownProgram(@ProgramRef("no_such_program") BpfProgram p) {
        }

        @Test
        void unknownGlobal(@GlobalRef("no_such_variable") GlobalVariable v) {
        }

        @Test
        void keyOfTheWrongSize(@MapRef("my_u32_elem_map") BpfMap<Short, Integer> map) {
        }

        @Test
        @BpfTest(object = "bpf/kinds.bpf.o")
        void recordThatDoesNotMatchTheStruct(@MapRef("flows") BpfMap<Integer, WrongResult> map) {
        }

        @Test
        void recordThatDoesNotMatchAGlobal(@GlobalRef("hash_result") GlobalVariable v) {
            v.get(WrongResult.class);
        }

        @Test
        @SuppressWarnings("rawtypes")
        void rawType(@MapRef("my_u32_elem_map") BpfMap map) {
        }

        @Test
        void viewThatDoesNotFit(@MapRef("my_u32_elem_map") QueueMap<Integer> map) {
        }

        @Test
        @BpfTest(globals = @Global(name = "no_such_variable", value = "1"))
        void unknownGlobalBeforeLoad() {
        }

        @Test
        @BpfTest(globals = @Global(name = "keys_to_insert", value = "5000000000"))
        void globalValueTooLarge() {
        }

        @Test
        @BpfTest(object = "bpf/no_such_object.bpf.o")
        void objectNotFound(BpfObject o) {
        }
    }

    /** {@code struct fill_result} has no member {@code attempts}. */
    record WrongResult(int inserted, int attempts) {
    }

    @TestKit.Fixture
    @BpfTest(object = HASH_VS_LRU)
    static class StaticFieldWithPerMethodObject {
        static BpfObject object;

        @Test
        void test() {
        }
    }

    // ---- tests ------------------------------------------------------------------------------------------

    @org.junit.jupiter.api.extension.ExtendWith(RequireKernelAccess.class)
    @Nested
    class OnTheRealKernel {

        @Test
        void fieldsAndParametersOfEveryKind() {
            EngineExecutionResults r = TestKit.run(EveryKindOfHandle.class);

            TestKit.assertAllSucceeded(r, 2);
            assertThat(SEEN.get("first object")).isNotEqualTo(SEEN.get("second object"));
        }

        @Test
        void perClassLifecycleSharesOneObjectAndClosesItAfterTheClass() {
            EngineExecutionResults r = TestKit.run(OneObjectPerClass.class);

            TestKit.assertAllSucceeded(r, 4);
            int mapId = (Integer) SEEN.get("per-class map");
            assertThat(TestKit.stillPresent(Set.of(mapId), KernelObjects::mapIds)).isEmpty();
        }

        @Test
        void methodLevelAnnotationsOverrideAndExtendTheClasses() {
            TestKit.assertAllSucceeded(TestKit.run(MethodLevelSettings.class), 3);
            TestKit.assertAllSucceeded(TestKit.run(MethodOnly.class), 1);
        }

        @Test
        void editSpecDecidesWhatAnnotationsCannot() {
            TestKit.assertAllSucceeded(TestKit.run(WithEditSpec.class), 1);
        }

        @Test
        void mistakesFailWithMessagesThatSayWhatTheObjectHas() {
            EngineExecutionResults r = TestKit.run(Mistakes.class);

            r.testEvents().assertStatistics(s -> s.started(11).failed(11));
            assertThat(TestKit.failureOf(r, "unknownMap")).contains("has no map 'no_such_map'; it has"
                    + " [my_u32_elem_map, my_u32_lru_elem_map, small_lru_map, hash_vs_.rodata, hash_vs_.bss]");
            assertThat(TestKit.failureOf(r, "unknownProgram")).contains("has no program 'no_such_program'; it has"
                    + " [fill_test_run, fill_small_lru, fill_on_execve]");
            assertThat(TestKit.failureOf(r, "unknownGlobal")).contains("no global variable 'no_such_variable'; it has"
                    + " [target_ppid, keys_to_insert, small_keys_to_insert, small_result, execve_matches, hash_result,"
                    + " lru_result]");
            assertThat(TestKit.failureOf(r, "keyOfTheWrongSize")).contains("parameter #1 (BpfMap<Short, Integer>) of"
                    + " Mistakes.keyOfTheWrongSize: map 'my_u32_elem_map' key is 4 bytes, but Short (int16)"
                    + " is 2 bytes");
            assertThat(TestKit.failureOf(r, "recordThatDoesNotMatchTheStruct"))
                    .contains("record WrongResult does not match struct flow_stats");
            assertThat(TestKit.failureOf(r, "recordThatDoesNotMatchAGlobal")).contains("attempts");
            assertThat(TestKit.failureOf(r, "rawType"))
                    .contains("declare the type arguments, e.g. BpfMap<Integer, Long>");
            assertThat(TestKit.failureOf(r, "viewThatDoesNotFit")).contains("is not a QUEUE or STACK");
            assertThat(TestKit.failureOf(r, "unknownGlobalBeforeLoad"))
                    .contains("has no global variable 'no_such_variable'; it has [target_ppid, keys_to_insert");
            assertThat(TestKit.failureOf(r, "globalValueTooLarge")).contains("does not fit in 4 bytes");
            assertThat(TestKit.failureOf(r, "objectNotFound"))
                    .contains("BPF object 'bpf/no_such_object.bpf.o' not found");
        }

        @Test
        void staticFieldsNeedAPerClassObject() {
            assertThat(TestKit.failureOf(TestKit.run(StaticFieldWithPerMethodObject.class), "test"))
                    .contains("static field StaticFieldWithPerMethodObject.object cannot hold a per-test object");
        }
    }

    @Test
    void injectionPointsAreRecognisedByAnnotationOrBpfObjectType() throws Exception {
        List<String> injectable = java.util.Arrays.stream(EveryKindOfHandle.class.getDeclaredFields())
                .filter(f -> InjectionPoint.of(f).isInjectable()).map(java.lang.reflect.Field::getName).toList();
        assertThat(injectable).containsExactlyInAnyOrder("object", "hash", "hashAsInts", "lruBytes", "small_lru_map",
                "fill", "keysToInsert", "seenInBeforeEach");
    }
}
