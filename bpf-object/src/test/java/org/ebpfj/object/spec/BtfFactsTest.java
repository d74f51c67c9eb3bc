package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BtfFactsTest {

    @Test
    void aTypedefOfA32BitIntIsAnInt32Key() {
        TestBtf b = new TestBtf();
        int u32 = b.typedef("__u32", b.integer("unsigned int", 4, false));
        int value = b.struct("value", 8, "a", b.integer("long", 8, true), 0);

        BtfFacts f = BtfFacts.of(Optional.of(b.ref(u32)), Optional.of(b.ref(value)));

        assertThat(f.keyShape()).isEqualTo(BtfFacts.KeyShape.INT);
        assertThat(f.keyIntBits()).isEqualTo(32);
        assertThat(f.keySize()).hasValue(4);
        assertThat(f.valueSize()).hasValue(8);
        assertThat(f.specialFields()).isEmpty();
    }

    @Test
    void recognisesTheCgroupStorageKeyLayout() {
        TestBtf b = new TestBtf();
        int u64 = b.integer("unsigned long long", 8, false);
        int u32 = b.integer("unsigned int", 4, false);
        int key = b.struct("bpf_cgroup_storage_key", 16, "cgroup_inode_id", u64, 0, "attach_type", u32, 8);
        int wrong = b.struct("other", 16, "a", u32, 0, "b", u64, 8);

        assertThat(BtfFacts.of(Optional.of(b.ref(key)), Optional.empty()).keyIsCgroupStorageKey()).isTrue();
        assertThat(BtfFacts.of(Optional.of(b.ref(wrong)), Optional.empty()).keyIsCgroupStorageKey()).isFalse();
    }

    @Test
    void anEnumKeyIsNeitherIntNorStruct() {
        TestBtf b = new TestBtf();
        int e = b.enumeration("color", 4);

        BtfFacts f = BtfFacts.of(Optional.of(b.ref(e)), Optional.empty());

        assertThat(f.keyShape()).isEqualTo(BtfFacts.KeyShape.OTHER);
        assertThat(f.keySize()).hasValue(4);
    }

    @Test
    void findsSpecialFieldsInNestedStructsArraysAndTaggedPointers() {
        TestBtf b = new TestBtf();
        int i32 = b.integer("int", 4, true);
        int lock = b.struct("bpf_spin_lock", 4, "val", i32, 0);
        int timer = b.struct("bpf_timer", 16, "a", b.integer("long", 8, true), 0);
        int task = b.struct("task_struct", 8, "pid", i32, 0);
        int kptr = b.pointer(b.typeTag("kptr", task));
        int inner = b.struct("inner", 16, "t", timer, 0);
        int value = b.struct("value", 40, "lock", lock, 0, "nested", inner, 8, "task", kptr, 24, "n", i32, 32);

        BtfFacts f = BtfFacts.of(Optional.empty(), Optional.of(b.ref(value)));

        assertThat(f.specialFields()).containsExactlyInAnyOrder(SpecialField.SPIN_LOCK, SpecialField.TIMER,
                SpecialField.KPTR);
        assertThat(f.duplicated()).isEmpty();
        assertThat(f.keyShape()).isEqualTo(BtfFacts.KeyShape.VOID);
    }

    @Test
    void twoTimersAreADuplicateButTwoKptrsAreNot() {
        TestBtf b = new TestBtf();
        int i32 = b.integer("int", 4, true);
        int timer = b.struct("bpf_timer", 16, "a", b.integer("long", 8, true), 0);
        int timers = b.array(timer, i32, 2);
        int withTimers = b.struct("v1", 32, "t", timers, 0);
        int task = b.struct("task_struct", 8, "pid", i32, 0);
        int kptr = b.pointer(b.typeTag("kptr", task));
        int withKptrs = b.struct("v2", 16, "a", kptr, 0, "b", kptr, 8);

        assertThat(BtfFacts.of(Optional.empty(), Optional.of(b.ref(withTimers))).duplicated())
                .hasValue(SpecialField.TIMER);
        assertThat(BtfFacts.of(Optional.empty(), Optional.of(b.ref(withKptrs))).duplicated()).isEmpty();
    }

    @Test
    void aDataSectionValueIsScannedThroughItsVariables() {
        TestBtf b = new TestBtf();
        int lock = b.struct("bpf_spin_lock", 4, "val", b.integer("int", 4, true), 0);
        int var = b.variable("global_lock", lock);
        int bss = b.datasec(".bss", var, 0, 4);

        BtfFacts f = BtfFacts.of(Optional.empty(), Optional.of(b.ref(bss)));

        assertThat(f.valueIsDatasec()).isTrue();
        assertThat(f.valueSize()).isEmpty();
        assertThat(f.specialFields()).containsExactly(SpecialField.SPIN_LOCK);
    }
}
