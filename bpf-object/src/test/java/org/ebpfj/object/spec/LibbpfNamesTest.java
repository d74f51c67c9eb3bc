package org.ebpfj.object.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibbpfNamesTest {

    @ParameterizedTest
    @CsvSource({
            "maps_valid.bpf.o, maps_valid",
            "/abs/dir/prog.o, prog",
            "relative/dir/x.y.z, x",
            "noext, noext",
            "a-very-long-object-name.bpf.o, a-very-long-obj",
            "exactly15chars_.o, exactly15chars_",
            "sixteen_chars_xx.o, sixteen_chars_x",
            ".hidden.o, ''",
    })
    void objectNameIsTheBaseNameCutTo15BytesThenAtTheFirstDot(String file, String expected) {
        assertThat(LibbpfNames.objectName(file)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "maps_valid, .rodata, maps_val.rodata",
            "my_object_name, .rodata, my_objec.rodata",
            "my_object_name, .bss, my_objec.bss",
            "my_object_name, .data, my_objec.data",
            "my_object_name, .kconfig, my_obje.kconfig",
            "xy, .rodata, xy.rodata",
            "obj, .rodata.str1.1, .rodata.str1.1",
            "obj, .data.custom, .data.custom",
            "obj, .rodata.abracadabra, .rodata.abracad",
            "my-prog, .data, my_prog.data",
            "émoji, .bss, __moji.bss",
    })
    void internalMapNamesFollowLibbpf(String object, String section, String expected) {
        assertThat(LibbpfNames.internalMapName(object, section)).isEqualTo(expected);
    }

    @Test
    void internalMapNamesFitTheKernelLimit() {
        assertThat(LibbpfNames.internalMapName("a_long_object_name", ".rodata.a_long_section_name"))
                .hasSize(LibbpfNames.OBJ_NAME_LEN - 1);
    }
}
