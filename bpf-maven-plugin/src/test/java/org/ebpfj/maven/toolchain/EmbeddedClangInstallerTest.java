package org.ebpfj.maven.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class EmbeddedClangInstallerTest {

    private static final EmbeddedLlvm LLVM = new EmbeddedLlvm("20.1.7-1.5.12", "linux-x86_64");

    @TempDir
    Path tmp;

    @Test
    void extractsOnlyWhatClangNeedsAndLinksTheVersionedLibraries() throws Exception {
        Path jar = ToolchainResolverTest.fakeLlvmJar(tmp.resolve("llvm.jar"));

        Path installation = new EmbeddedClangInstaller(LLVM).install(jar, tmp.resolve("cache"));

        try (Stream<Path> files = Files.walk(installation)) {
            assertThat(files.filter(p -> !Files.isDirectory(p)).map(p -> installation.relativize(p).toString())
                    .collect(Collectors.toList()))
                    .containsExactlyInAnyOrder("clang", "libclang-cpp.so", "libLLVM.so", "libclang-cpp.so.20.1",
                            "libLLVM.so.20.1", "lib/clang/20/include/stddef.h", ".complete");
        }
        assertThat(Files.isExecutable(installation.resolve("clang"))).isTrue();
        assertThat(Files.readSymbolicLink(installation.resolve("libLLVM.so.20.1"))).isEqualTo(Path.of("libLLVM.so"));
        assertThat(Files.readString(installation.resolve(".complete"))).contains("org.bytedeco:llvm:20.1.7-1.5.12");
    }

    @Test
    void concurrentInstallsAgreeAndLeaveNoTemporaryFolders() throws Exception {
        Path jar = ToolchainResolverTest.fakeLlvmJar(tmp.resolve("llvm.jar"));
        Path cache = tmp.resolve("cache");
        int builds = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(builds);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < builds; i++) {
                Callable<Path> install = () -> {
                    start.await();
                    return new EmbeddedClangInstaller(LLVM).install(jar, cache);
                };
                results.add(pool.submit(install));
            }
            start.countDown();
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(cache.resolve("llvm-20.1.7-1.5.12-linux-x86_64"));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .containsExactly("llvm-20.1.7-1.5.12-linux-x86_64");
        }
        assertThat(new EmbeddedClangInstaller(LLVM).isInstalled(cache)).isTrue();
    }

    @Test
    void anUnfinishedFolderIsReplaced() throws Exception {
        Path jar = ToolchainResolverTest.fakeLlvmJar(tmp.resolve("llvm.jar"));
        Path cache = tmp.resolve("cache");
        Path leftover = cache.resolve("llvm-20.1.7-1.5.12-linux-x86_64");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("clang"), "half a binary");

        Path installation = new EmbeddedClangInstaller(LLVM).install(jar, cache);

        assertThat(Files.readString(installation.resolve("clang"))).startsWith("#!/bin/sh");
        assertThat(installation.resolve(".complete")).exists();
    }

    @Test
    void aJarWithoutClangIsRefused() throws IOException {
        Path jar = tmp.resolve("other.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("org/bytedeco/llvm/linux-x86_64/libLLVM.so"));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> new EmbeddedClangInstaller(LLVM).install(jar, tmp.resolve("cache")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no org/bytedeco/llvm/linux-x86_64/clang");
        assertThat(new EmbeddedClangInstaller(LLVM).isInstalled(tmp.resolve("cache"))).isFalse();
    }

    @Test
    void neededFiles() {
        assertThat(EmbeddedClangInstaller.isNeeded("clang")).isTrue();
        assertThat(EmbeddedClangInstaller.isNeeded("lib/clang/20/include/bpf_builtins.h")).isTrue();
        assertThat(EmbeddedClangInstaller.isNeeded("lib/clang/20/lib/linux/libclang_rt.a")).isFalse();
        assertThat(EmbeddedClangInstaller.isNeeded("clang-format")).isFalse();
        assertThat(EmbeddedClangInstaller.isNeeded("libclang.so")).isFalse();
    }
}
