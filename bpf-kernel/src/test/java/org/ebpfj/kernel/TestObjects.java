package org.ebpfj.kernel;

import org.ebpfj.object.spec.ObjectSpec;

/** The committed test objects under src/test/resources/bpf (see regenerate.sh there). */
public final class TestObjects {
    public static final String OVERFLOW = "/bpf/overflow.bpf.o";
    public static final String TYPES = "/bpf/types.bpf.o";
    public static final String SMALL = "/bpf/small.bpf.o";
    public static final String ARRAY_KEY8 = "/bpf/array_key8.bpf.o";
    public static final String VERIFIER_REJECT = "/bpf/verifier_reject.bpf.o";
    public static final String FENTRY = "/bpf/fentry.bpf.o";
    public static final String PINNED = "/bpf/pinned.bpf.o";
    public static final String ATTACH = "/bpf/attach.bpf.o";
    public static final String NET = "/bpf/net.bpf.o";
    public static final String TRACING = "/bpf/tracing.bpf.o";
    public static final String USDT = "/bpf/usdt.bpf.o";
    public static final String GUEST_ONLY = "/bpf/guest_only.bpf.o";

    private TestObjects() {
    }

    public static BpfObject load(String resource) {
        return BpfObject.loadResource(TestObjects.class, resource, LoadOptions.defaults());
    }

    public static BpfObject load(String resource, LoadOptions options) {
        return BpfObject.loadResource(TestObjects.class, resource, options);
    }

    /** The spec of a test object, to edit before {@link #load(String, ObjectSpec)}. */
    public static ObjectSpec spec(String resource) {
        return BpfObject.readSpec(bytes(resource), resource);
    }

    /** Loads a test object as the (edited) spec describes it. */
    public static BpfObject load(String resource, ObjectSpec spec) {
        return BpfObject.load(bytes(resource), spec, LoadOptions.defaults());
    }

    /** The {@code n}-th CPU this thread may run on (CI containers may not allow CPU 0). */
    public static int allowedCpu(int n) {
        java.util.BitSet allowed = CpuAffinity.current();
        int cpu = allowed.nextSetBit(0);
        for (int i = 0; i < n && cpu >= 0; i++) {
            cpu = allowed.nextSetBit(cpu + 1);
        }
        if (cpu < 0) {
            throw new IllegalStateException("this thread may run on only " + allowed.cardinality() + " CPUs");
        }
        return cpu;
    }

    public static byte[] bytes(String resource) {
        try (var in = TestObjects.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
