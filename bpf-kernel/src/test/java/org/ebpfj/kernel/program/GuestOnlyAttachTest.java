package org.ebpfj.kernel.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Set;
import java.util.function.Function;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.KnownLimits;
import org.ebpfj.kernel.MachineLimit;
import org.ebpfj.kernel.RequireBpf;
import org.ebpfj.kernel.TestObjects;
import org.ebpfj.kernel.error.BpfException;
import org.ebpfj.object.spec.ObjectSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attach kinds the development host cannot run (no kprobes; trampolines refused): kprobe, kretprobe, fentry,
 * fexit and fmod_ret. On a kernel that has them (the kernel matrix runs this class in a guest) each is
 * proven by its counter; on one that refuses, each skips only under a {@link MachineLimit} its probe confirms, and
 * a refusal no probe confirms fails. Needs only bpf-kernel's test classpath and {@code guest_only.bpf.o}.
 */
@ExtendWith({RequireBpf.class, KnownLimits.class})
class GuestOnlyAttachTest {
    private static final int PID = (int) ProcessHandle.current().pid();
    private static final Set<String> PROGRAMS = Set.of("on_kprobe", "on_kretprobe", "on_fentry", "on_fexit",
            "on_fmod_ret");
    private static final String FUNCTION = "__x64_sys_getpgid";
    private static final MethodHandle GETPGID = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("getpgid").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    @Test
    void kprobeCountsThisProcessesGetpgidCalls() {
        prove("on_kprobe", "kprobe_hits", MachineLimit.NO_KPROBES,
                p -> Attachments.kprobe(p, FUNCTION, false));
    }

    @Test
    void kretprobeCountsThisProcessesGetpgidReturns() {
        prove("on_kretprobe", "kretprobe_hits", MachineLimit.NO_KPROBES,
                p -> Attachments.kprobe(p, FUNCTION, true));
    }

    @Test
    void fentryCountsThisProcessesGetpgidCalls() {
        prove("on_fentry", "fentry_hits", MachineLimit.TRAMPOLINES_REFUSED, Attachments::tracing);
    }

    @Test
    void fexitCountsThisProcessesGetpgidReturns() {
        prove("on_fexit", "fexit_hits", MachineLimit.TRAMPOLINES_REFUSED, Attachments::tracing);
    }

    @Test
    void fmodRetReplacesGetpgidsResult() {
        int result = prove("on_fmod_ret", "fmod_ret_hits", MachineLimit.TRAMPOLINES_REFUSED, Attachments::tracing);
        assertThat(result).as("getpgid(own pid) under fmod_ret on security_task_getpgid").isEqualTo(4242);
    }

    /** Loads only {@code program}, attaches it, calls getpgid(own pid) three times (a non-zero pid goes through the LSM hook); @return the last call's result */
    private static int prove(String program, String counter, MachineLimit limit, Function<BpfProgram, BpfLink> attach) {
        ObjectSpec spec = TestObjects.spec(TestObjects.GUEST_ONLY).withInt("target_pid", PID);
        for (String other : PROGRAMS) {
            spec = spec.withAutoload(other, other.equals(program));
        }
        BpfObject o;
        try {
            o = TestObjects.load(TestObjects.GUEST_ONLY, spec);
        } catch (BpfException e) {
            KnownLimits.skipOrFail(limit, program + " (load)", e);
            return 0;
        }
        try (o) {
            BpfLink link;
            try {
                link = attach.apply(o.program(program));
            } catch (BpfException e) {
                KnownLimits.skipOrFail(limit, program + " (attach)", e);
                return 0;
            }
            try (link) {
                int result = 0;
                for (int i = 0; i < 3; i++) {
                    result = getpgid();
                }
                assertThat(o.variable(counter).getLong()).isGreaterThanOrEqualTo(3);
                return result;
            }
        }
    }

    private static int getpgid() {
        try {
            return (int) GETPGID.invokeExact(PID);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
