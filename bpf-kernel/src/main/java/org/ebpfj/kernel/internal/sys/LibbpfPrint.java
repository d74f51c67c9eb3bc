package org.ebpfj.kernel.internal.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * libbpf's print callback ({@code libbpf_set_print}) is one process-wide function pointer. We install a single
 * callback once and route every message to a sink bound to the <em>calling thread</em>: libbpf does all the work of
 * {@code bpf_object__open/load/attach} synchronously on the thread that called it, so concurrent loads on different
 * threads each see only their own messages. Messages from threads without a sink go to the
 * {@code org.ebpfj.kernel.libbpf} {@link System.Logger}.
 *
 * <p>The callback receives a printf format and a {@code va_list}; it formats them with libc's {@code vsnprintf}.
 * On x86_64 a {@code va_list} parameter is a pointer to a 24-byte {@code __va_list_tag}: copying those 24 bytes is
 * what {@code va_copy} does there, which lets us measure the message first and format it a second time when it does
 * not fit the first buffer (verifier logs reach megabytes).
 */
@SuppressWarnings("restricted")
public final class LibbpfPrint {
    /** libbpf's {@code enum libbpf_print_level}. */
    public enum Level { WARN, INFO, DEBUG }

    /** Receives the libbpf messages of one thread. */
    @FunctionalInterface
    public interface Sink {
        void message(Level level, String text);
    }

    private static final System.Logger LOGGER = System.getLogger("org.ebpfj.kernel.libbpf");
    private static final ThreadLocal<Sink> SINK = new ThreadLocal<>();
    private static final long VA_LIST_TAG_SIZE = 24;
    private static final int FIRST_BUFFER = 1024;
    private static volatile boolean installed;

    private LibbpfPrint() {
    }

    static synchronized void install(Binding setPrint) {
        if (installed) {
            return;
        }
        try {
            MethodHandle target = MethodHandles.lookup().findStatic(LibbpfPrint.class, "callback",
                    MethodType.methodType(int.class, int.class, MemorySegment.class, MemorySegment.class));
            MemorySegment stub = Native.LINKER.upcallStub(target,
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), Arena.global());
            setPrint.pointer(stub);
            installed = true;
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
    }

    /**
     * Routes this thread's libbpf messages to {@code sink} until the returned scope is closed; scopes nest (the
     * previous sink comes back on close).
     */
    public static Scope capture(Sink sink) {
        LibBpf.ensureLoaded();
        Sink previous = SINK.get();
        SINK.set(sink);
        return new Scope(previous);
    }

    /** Restores the previous sink of the thread that opened it. */
    public static final class Scope implements AutoCloseable {
        private final Sink previous;
        private final Thread owner = Thread.currentThread();

        private Scope(Sink previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a libbpf log scope must be closed by the thread that opened it");
            }
            if (previous == null) {
                SINK.remove();
            } else {
                SINK.set(previous);
            }
        }
    }

    /** Called by libbpf. Must never throw: an exception escaping an upcall ends the JVM. */
    @SuppressWarnings("unused")
    private static int callback(int level, MemorySegment format, MemorySegment args) {
        try {
            Level lvl = level == 0 ? Level.WARN : level == 1 ? Level.INFO : Level.DEBUG;
            Sink sink = SINK.get();
            if (sink == null && !LOGGER.isLoggable(toLogger(lvl))) {
                return 0;
            }
            String text = format(format, args);
            if (sink != null) {
                sink.message(lvl, text);
            } else {
                LOGGER.log(toLogger(lvl), text.stripTrailing());
            }
        } catch (Throwable t) {
            // Nothing sensible can be done inside libbpf's call; dropping one message is the safe choice.
        }
        return 0;
    }

    private static System.Logger.Level toLogger(Level level) {
        return switch (level) {
            case WARN -> System.Logger.Level.WARNING;
            case INFO -> System.Logger.Level.INFO;
            case DEBUG -> System.Logger.Level.DEBUG;
        };
    }

    private static String format(MemorySegment format, MemorySegment args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argsCopy = arena.allocate(VA_LIST_TAG_SIZE, 8);
            argsCopy.copyFrom(args.reinterpret(VA_LIST_TAG_SIZE));
            MemorySegment buf = arena.allocate(FIRST_BUFFER);
            int n = Libc.vsnprintf(buf, FIRST_BUFFER, format, argsCopy);
            if (n < 0) {
                return "(unformattable libbpf message)";
            }
            if (n < FIRST_BUFFER) {
                return buf.getString(0);
            }
            MemorySegment big = arena.allocate(n + 1L);
            Libc.vsnprintf(big, n + 1L, format, args);
            return big.getString(0);
        }
    }
}
