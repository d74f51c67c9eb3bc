package org.ebpfj.object.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.ebpfj.object.rules.MapRuleEngine;
import org.ebpfj.object.rules.Prediction;
import org.ebpfj.object.spec.MapCreateAttr;
import org.ebpfj.object.uapi.MapFlag;
import org.ebpfj.object.uapi.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelProfileTest {

    @Test
    void defaultsAreTheProbedX86Machine() {
        KernelProfile p = KernelProfile.defaults();
        assertThat(p.kmallocMaxSize()).isEqualTo(4194304);
        assertThat(p.pcpuMinUnitSize()).isEqualTo(32768);
        assertThat(p.localStorageMaxValueSize()).isEqualTo(65407);
        assertThat(p.possibleCpus()).isEqualTo(2);
        assertThat(p.nrCpus()).isEqualTo(256);
        assertThat(p.structs().htabElem()).isEqualTo(48);
        assertThat(p.lruClampedTargetFree()).isTrue();
    }

    @Test
    void kmallocMaxSizeFollowsPageSizeAndOrderUnlessOverridden() {
        KernelProfile arm64 = KernelProfile.builder().pageSize(16384).maxPageOrder(11).build();
        assertThat(arm64.kmallocMaxSize()).isEqualTo(32L << 20);
        assertThat(arm64.toBuilder().pageSize(65536).maxPageOrder(13).build().kmallocMaxSize()).isEqualTo(512L << 20);
        assertThat(KernelProfile.builder().kmallocMaxSize(1 << 23).build().toBuilder().possibleCpus(8).build()
                .kmallocMaxSize()).isEqualTo(1 << 23);
        assertThat(KernelProfile.builder().pageSize(65536).build().pcpuMinUnitSize()).isEqualTo(65536);
    }

    @Test
    void theVersionDecidesWhichTypesAndFlagsExist() {
        KernelProfile k515 = KernelProfile.builder().version(KernelVersion.parse("5.15.0-91-generic")).build();
        assertThat(k515.hasMapType(MapType.RINGBUF)).isTrue();
        assertThat(k515.hasMapType(MapType.BLOOM_FILTER)).isFalse();
        assertThat(k515.hasMapType(MapType.ARENA)).isFalse();
        assertThat(k515.hasFlag(MapFlag.MMAPABLE)).isTrue();
        assertThat(k515.hasFlag(MapFlag.TOKEN_FD)).isFalse();
        assertThat(k515.lruClampedTargetFree()).isFalse();
        KernelProfile k61 = k515.toBuilder().version(KernelVersion.parse("6.1")).build();
        assertThat(k61.hasMapType(MapType.USER_RINGBUF)).isTrue();
        assertThat(k61.hasMapType(MapType.CGRP_STORAGE)).isFalse();
    }

    @Test
    void anOlderKernelRejectsNewTypesFlagsAndMapExtra() throws Exception {
        MapRuleEngine k515 = new MapRuleEngine(KernelProfile.builder().version(KernelVersion.parse("5.15")).build());
        assertThat(k515.predict(MapCreateAttr.parse("BLOOM_FILTER 0 8 16 0")).ruleId()).hasValue("generic.map-type");
        assertThat(k515.predict(MapCreateAttr.parse("BLOOM_FILTER 0 8 16 0 3")).ruleId())
                .hasValue("generic.map-extra");
        assertThat(k515.predict(MapCreateAttr.parse("ARRAY 4 8 16 INNER_MAP")).ok()).isTrue();
        MapRuleEngine k58 = new MapRuleEngine(KernelProfile.builder().version(KernelVersion.parse("5.8")).build());
        Prediction p = k58.predict(MapCreateAttr.parse("ARRAY 4 8 16 INNER_MAP"));
        assertThat(p.ruleId()).hasValue("array.flags");
        assertThat(p.message()).contains("INNER_MAP").contains("Linux 5.8");
    }

    @Test
    void readsAFakeProcAndSysTree(@TempDir Path root) throws IOException {
        write(root, "proc/sys/kernel/osrelease", "6.12.9-arch1\n");
        write(root, "proc/self/smaps", "00400000-00452000 r-xp 00000000 08:02 173521  /usr/bin/x\nSize: 8 kB\n"
                + "KernelPageSize:       16 kB\nMMUPageSize: 16 kB\n");
        write(root, "proc/buddyinfo", "Node 0, zone   Normal  1 2 3 4 5 6 7 8 9 10 11 12\n");
        write(root, "sys/devices/system/cpu/possible", "0-5,8-9\n");
        write(root, "sys/devices/system/cpu/kernel_max", "511\n");
        write(root, "sys/devices/system/node/possible", "0-3\n");
        write(root, "sys/devices/system/node/online", "0,2\n");
        write(root, "proc/sys/kernel/perf_event_max_stack", "64\n");
        write(root, "proc/meminfo", "MemTotal:        8000000 kB\nMemFree:         100 kB\n");

        KernelProfile p = KernelProfile.readFrom(root);

        assertThat(p.version()).isEqualTo(new KernelVersion(6, 12, 9));
        assertThat(p.pageSize()).isEqualTo(16384);
        assertThat(p.maxPageOrder()).isEqualTo(11);
        assertThat(p.kmallocMaxSize()).isEqualTo(16384L << 11);
        assertThat(p.possibleCpus()).isEqualTo(8);
        assertThat(p.nrCpus()).isEqualTo(512);
        assertThat(p.nrNodeIds()).isEqualTo(4);
        assertThat(p.onlineNodes()).containsExactly(0, 2);
        assertThat(p.perfEventMaxStack()).isEqualTo(64);
        assertThat(p.totalRamBytes()).isEqualTo(8000000L * 1024);
        assertThat(p.lruClampedTargetFree()).isFalse();
        assertThat(p.notes()).anyMatch(n -> n.contains("config.gz")).anyMatch(n -> n.contains("btf"));
    }

    @Test
    void theKernelConfigNamesNrCpusAndTypesLeftOut(@TempDir Path root) throws IOException {
        write(root, "sys/devices/system/cpu/kernel_max", "255\n");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(("CONFIG_NR_CPUS=8192\nCONFIG_NET=y\nCONFIG_INET=y\nCONFIG_BPF_JIT=y\nCONFIG_CGROUPS=y\n"
                    + "CONFIG_CGROUP_BPF=y\nCONFIG_PERF_EVENTS=y\n# CONFIG_XDP_SOCKETS is not set\n"
                    + "# CONFIG_BPF_LSM is not set\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        Files.createDirectories(root.resolve("proc"));
        Files.write(root.resolve("proc/config.gz"), gz.toByteArray());

        KernelProfile p = KernelProfile.readFrom(root);

        assertThat(p.nrCpus()).isEqualTo(8192);
        assertThat(p.compiledOut()).containsExactlyInAnyOrder(MapType.XSKMAP, MapType.INODE_STORAGE);
        Prediction xsk = new MapRuleEngine(p).predict(MapCreateAttr.of(MapType.XSKMAP, 4, 4, 4));
        assertThat(xsk.ruleId()).hasValue("generic.map-type");
    }

    @Test
    void missingOrGarbageFilesKeepTheDefaultsAndSaySo(@TempDir Path root) throws IOException {
        write(root, "proc/sys/kernel/osrelease", "not a version\n");
        write(root, "sys/devices/system/cpu/possible", "0-x\n");
        write(root, "proc/meminfo", "MemTotal: lots\n");

        KernelProfile p = KernelProfile.readFrom(root);
        KernelProfile d = KernelProfile.defaults();

        assertThat(p.version()).isEqualTo(d.version());
        assertThat(p.possibleCpus()).isEqualTo(d.possibleCpus());
        assertThat(p.totalRamBytes()).isEqualTo(d.totalRamBytes());
        assertThat(p.nrNodeIds()).isEqualTo(1);
        assertThat(p.notes()).anyMatch(n -> n.startsWith("kernel version could not be read"))
                .anyMatch(n -> n.startsWith("possible CPUs could not be read"))
                .anyMatch(n -> n.startsWith("page size could not be read"));
    }

    @Test
    void notADirectoryIsAnIoError(@TempDir Path root) throws IOException {
        Path file = write(root, "file", "x");
        assertThatThrownBy(() -> KernelProfile.readFrom(file)).isInstanceOf(IOException.class);
    }

    @Test
    void profilesRejectImpossibleValues() {
        assertThatThrownBy(() -> KernelProfile.builder().pageSize(3000).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KernelProfile.builder().possibleCpus(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KernelProfile.builder().numaNodes(4, Set.of(0, 3)).build().nodeOnline(3)).isTrue();
    }

    private static Path write(Path root, String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.ISO_8859_1);
        return p;
    }
}
