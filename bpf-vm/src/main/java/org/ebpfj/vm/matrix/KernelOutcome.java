package org.ebpfj.vm.matrix;

import java.util.List;
import java.util.Optional;

import org.ebpfj.vm.image.KernelImage;

/**
 * One kernel's run: the tests' results, or why the guest itself failed.
 *
 * @param spec      what the user named
 * @param image     the prepared kernel (empty when it could not be prepared)
 * @param accel     kvm or tcg
 * @param tests     every test case with its state
 * @param seconds   wall time of the guest (preparation excluded)
 * @param failure   the guest-level failure (boot, timeout, panic, no report), with the console tail
 */
public record KernelOutcome(String spec, Optional<KernelImage> image, String accel, List<TestCase> tests,
                            double seconds, Optional<String> failure) {

    /** One test case in one kernel. */
    public record TestCase(String className, String name, State state, String message) {
        public String id() {
            return className + "#" + name;
        }
    }

    public enum State { PASSED, FAILED, SKIPPED }

    public KernelOutcome {
        tests = List.copyOf(tests);
    }

    public long count(State s) {
        return tests.stream().filter(t -> t.state() == s).count();
    }

    public boolean ok() {
        return failure.isEmpty() && count(State.FAILED) == 0;
    }

    public String label() {
        return image.map(i -> i.id() + " (" + i.release() + ", " + i.version() + ")").orElse(spec);
    }
}
