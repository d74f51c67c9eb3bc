package org.ebpfj.maven.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebpfj.object.machine.KernelProfile;
import org.junit.jupiter.api.Test;

class KernelProfilesTest {

    @Test
    void defaultIsTheBuiltInProfile() throws Exception {
        assertThat(KernelProfiles.named("default")).isEqualTo(KernelProfile.defaults());
        assertThat(KernelProfiles.named(null)).isEqualTo(KernelProfile.defaults());
    }

    @Test
    void runningReadsThisMachine() throws Exception {
        assertThat(KernelProfiles.named("running").possibleCpus())
                .isEqualTo(KernelProfile.readRunning().possibleCpus());
    }

    @Test
    void otherNamesAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> KernelProfiles.named("arm64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'default'").hasMessageContaining("'running'");
    }
}
