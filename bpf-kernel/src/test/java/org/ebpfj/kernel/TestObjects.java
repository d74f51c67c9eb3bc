package org.ebpfj.kernel;

/** The committed test objects under src/test/resources/bpf (see regenerate.sh there). */
final class TestObjects {
    static final String OVERFLOW = "/bpf/overflow.bpf.o";
    static final String TYPES = "/bpf/types.bpf.o";
    static final String SMALL = "/bpf/small.bpf.o";
    static final String ARRAY_KEY8 = "/bpf/array_key8.bpf.o";
    static final String VERIFIER_REJECT = "/bpf/verifier_reject.bpf.o";
    static final String FENTRY = "/bpf/fentry.bpf.o";
    static final String PINNED = "/bpf/pinned.bpf.o";

    private TestObjects() {
    }

    static BpfObject load(String resource) {
        return BpfObject.loadResource(TestObjects.class, resource, LoadOptions.defaults());
    }

    static BpfObject load(String resource, LoadOptions options) {
        return BpfObject.loadResource(TestObjects.class, resource, options);
    }

    static byte[] bytes(String resource) {
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
