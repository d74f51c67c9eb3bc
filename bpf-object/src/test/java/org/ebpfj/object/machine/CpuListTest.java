package org.ebpfj.object.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuListTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0;        1; 0; 0",
        "0-1;      2; 1; 0-1",
        "0-5,8-9\\n; 8; 9; 0-5,8-9",
        "0,2-4,7;  5; 7; 0,2-4,7",
        " 3 , 1 ;  2; 3; 1,3",
        "0-1048576; 1048577; 1048576; 0-1048576"})
    void parsesTheKernelsFormat(String text, int count, int highest, String canonical) {
        CpuList list = CpuList.parse(text.replace("\\n", "\n"));
        assertThat(list.count()).isEqualTo(count);
        assertThat(list.highest()).isEqualTo(highest);
        assertThat(list).hasToString(canonical);
        assertThat(CpuList.parse(canonical)).isEqualTo(list);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", "0-x", "3-1", "1-2-3", "-1", "0,,1", "1048577", "99999999999", "0-"})
    void refusesWhatIsNotAList(String text) {
        assertThat(CpuList.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> CpuList.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CPU list");
    }

    @org.junit.jupiter.api.Test
    void membersAndIds() {
        CpuList list = CpuList.parse("0,2-3");
        assertThat(list.contains(2)).isTrue();
        assertThat(list.contains(1)).isFalse();
        assertThat(list.contains(-1)).isFalse();
        assertThat(list.ids()).containsExactly(0, 2, 3);
        assertThat(list.bits().cardinality()).isEqualTo(3);
    }
}
