package org.ebpfj.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ebpfj.kernel.KernelObjects;

/**
 * The kernel ids of maps, programs and links that fixture tests saw from inside while they ran, so that the test
 * running them can check afterwards that the harness left none of them in the kernel.
 */
final class SeenIds {
    final Set<Integer> maps = ConcurrentHashMap.newKeySet();
    final Set<Integer> programs = ConcurrentHashMap.newKeySet();
    final Set<Integer> links = ConcurrentHashMap.newKeySet();

    /** Waits (up to {@link TestKit#stillPresent}'s bound) for each seen object to be gone from the kernel. */
    void assertNoneLeft() {
        assertThat(TestKit.stillPresent(maps, KernelObjects::mapIds)).as("maps left").isEmpty();
        assertThat(TestKit.stillPresent(programs, KernelObjects::programIds)).as("programs left").isEmpty();
        assertThat(TestKit.stillPresent(links, KernelObjects::linkIds)).as("links left").isEmpty();
    }
}
