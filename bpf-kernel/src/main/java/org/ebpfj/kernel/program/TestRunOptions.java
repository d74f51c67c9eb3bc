package org.ebpfj.kernel.program;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Input for BPF_PROG_TEST_RUN. Which fields a program type accepts is the kernel's business: XDP and skb programs
 * take packet data (at least an Ethernet header, 14 bytes), raw tracepoints and SYSCALL programs take a context.
 *
 * @param dataIn      packet bytes, or empty
 * @param dataOutSize room for the output packet; empty: the input's size plus headroom (retried once if short)
 * @param ctxIn       context bytes (e.g. a {@code struct xdp_md} or the raw tracepoint's arguments), or empty
 * @param ctxOutSize  room for the output context; empty: the input context's size
 * @param repeat      how many times to run (the reported duration is the average); 0 (the default) means once, and
 *                    is the only value SYSCALL programs accept
 * @param flags       {@code BPF_F_TEST_RUN_ON_CPU} (1), {@code BPF_F_TEST_XDP_LIVE_FRAMES} (2), ...
 * @param cpu         the CPU to run on, for raw tracepoints with {@code BPF_F_TEST_RUN_ON_CPU}
 */
public record TestRunOptions(byte[] dataIn, OptionalInt dataOutSize, byte[] ctxIn, OptionalInt ctxOutSize,
                             int repeat, int flags, Optional<Integer> cpu) {
    /** BPF_F_TEST_RUN_ON_CPU. */
    public static final int RUN_ON_CPU = 1;

    public TestRunOptions {
        dataIn = dataIn.clone();
        ctxIn = ctxIn.clone();
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat must not be negative");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Packet data of {@code size} zero bytes: enough to run XDP or skb programs that ignore their input. */
    public static TestRunOptions zeroPacket(int size) {
        return builder().dataIn(new byte[size]).build();
    }

    @Override
    public byte[] dataIn() {
        return dataIn.clone();
    }

    @Override
    public byte[] ctxIn() {
        return ctxIn.clone();
    }

    public static final class Builder {
        private byte[] dataIn = new byte[0];
        private OptionalInt dataOutSize = OptionalInt.empty();
        private byte[] ctxIn = new byte[0];
        private OptionalInt ctxOutSize = OptionalInt.empty();
        private int repeat;
        private int flags;
        private Optional<Integer> cpu = Optional.empty();

        public Builder dataIn(byte[] data) {
            dataIn = data.clone();
            return this;
        }

        public Builder dataOutSize(int size) {
            dataOutSize = OptionalInt.of(size);
            return this;
        }

        public Builder ctxIn(byte[] ctx) {
            ctxIn = ctx.clone();
            return this;
        }

        public Builder ctxOutSize(int size) {
            ctxOutSize = OptionalInt.of(size);
            return this;
        }

        public Builder repeat(int n) {
            repeat = n;
            return this;
        }

        public Builder flags(int f) {
            flags = f;
            return this;
        }

        /** Runs on this CPU (sets {@link #RUN_ON_CPU}); only raw tracepoint programs support it. */
        public Builder cpu(int c) {
            cpu = Optional.of(c);
            flags |= RUN_ON_CPU;
            return this;
        }

        public TestRunOptions build() {
            return new TestRunOptions(dataIn, dataOutSize, ctxIn, ctxOutSize, repeat, flags, cpu);
        }
    }
}
