package org.ebpfj.harness.assertions;

import java.util.Arrays;
import java.util.HexFormat;

import org.assertj.core.api.AbstractAssert;
import org.ebpfj.kernel.program.TestRunResult;

/** Assertions on what one BPF_PROG_TEST_RUN reported. */
public final class TestRunResultAssert extends AbstractAssert<TestRunResultAssert, TestRunResult> {

    TestRunResultAssert(TestRunResult result) {
        super(result, TestRunResultAssert.class);
    }

    /**
     * The program returned {@code expected}: compared with the kernel's u32 return value, and with it read as a
     * signed int, so {@code returns(2)} (XDP_PASS) and {@code returns(-7)} (a program returning -E2BIG) both work.
     */
    public TestRunResultAssert returns(long expected) {
        isNotNull();
        if (actual.returnValue() != expected && actual.returnValueSigned() != expected) {
            failWithMessage("%nExpecting the program to return %s, but it returned %s (signed: %s)", expected,
                    actual.returnValue(), actual.returnValueSigned());
        }
        return this;
    }

    public TestRunResultAssert hasDataOut(byte[] expected) {
        return bytes("packet data", actual == null ? null : actual.dataOut(), expected);
    }

    public TestRunResultAssert hasDataOutLength(int expected) {
        isNotNull();
        if (actual.dataOut().length != expected) {
            failWithMessage("%nExpecting %s bytes of packet data out, but got %s: %s", expected,
                    actual.dataOut().length, hex(actual.dataOut()));
        }
        return this;
    }

    public TestRunResultAssert hasCtxOut(byte[] expected) {
        return bytes("context", actual == null ? null : actual.ctxOut(), expected);
    }

    private TestRunResultAssert bytes(String what, byte[] got, byte[] expected) {
        isNotNull();
        if (!Arrays.equals(got, expected)) {
            int at = Arrays.mismatch(got, expected);
            failWithMessage("%nExpecting %s out%n  %s%nbut got%n  %s%n(first difference at byte %s)", what,
                    hex(expected), hex(got), at);
        }
        return this;
    }

    private static String hex(byte[] b) {
        return b.length == 0 ? "(empty)" : HexFormat.ofDelimiter(" ").formatHex(b);
    }
}
