package org.ebpfj.kernel.program;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

import org.ebpfj.kernel.BpfObject;
import org.ebpfj.kernel.Mounts;
import org.ebpfj.kernel.error.AttachException;
import org.ebpfj.kernel.error.ProgramLoadException;
import org.ebpfj.kernel.error.TestRunException;
import org.ebpfj.kernel.internal.Owner;
import org.ebpfj.kernel.internal.sys.Bpf;
import org.ebpfj.kernel.internal.sys.BpfInfo;
import org.ebpfj.kernel.internal.sys.CallState;
import org.ebpfj.kernel.internal.sys.Errnos;
import org.ebpfj.kernel.internal.sys.LibBpf;
import org.ebpfj.kernel.internal.sys.LibbpfPrint;
import org.ebpfj.kernel.internal.sys.LoadLog;
import org.ebpfj.kernel.internal.sys.ProgramCommands;
import org.ebpfj.kernel.internal.sys.Scratch;
import org.ebpfj.object.uapi.ProgramType;

/**
 * A program of a loaded {@link BpfObject}: run it with {@link #testRun} (BPF_PROG_TEST_RUN, no attach needed) or
 * attach it to its hook. The object owns the program; links made here are detached when the object closes.
 */
public final class BpfProgram {
    /** Bytes of room given for output packets beyond the input's size (XDP may grow a packet). */
    private static final int OUTPUT_HEADROOM = 256;

    private final Owner owner;
    private final MemorySegment prog;
    private final String name;
    private final String section;
    private final int typeId;
    private volatile boolean closed;

    /** A program of a loaded object (for the loader); {@code prog} is libbpf's {@code struct bpf_program *}. */
    @SuppressWarnings("exports")
    public BpfProgram(Owner owner, MemorySegment prog, String name) {
        this.owner = owner;
        this.prog = prog;
        this.name = name;
        this.section = LibBpf.programSectionName(prog);
        this.typeId = LibBpf.programType(prog);
    }

    public String name() {
        return name;
    }

    /** The ELF section, e.g. {@code tracepoint/syscalls/sys_enter_execve}. */
    public String section() {
        return section;
    }

    public Optional<ProgramType> type() {
        return ProgramType.byId(typeId);
    }

    public String typeName() {
        return type().map(Enum::name).orElse("type " + typeId);
    }

    /** The program's fd, or -1 when it was not loaded ({@link org.ebpfj.object.spec.ObjectSpec#withAutoload}). */
    public int fd() {
        checkOpen();
        return LibBpf.programFd(prog);
    }

    public boolean isLoaded() {
        return fd() >= 0;
    }

    /** What the kernel reports about the loaded program. */
    public ProgramInfo info() {
        int fd = loadedFd();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(BpfInfo.Prog.SIZE, 8);
            int r = Bpf.objInfo(fd, info);
            if (r < 0) {
                throw new ProgramLoadException(name, -r, "BPF_OBJ_GET_INFO_BY_FD failed");
            }
            return new ProgramInfo(info.get(JAVA_INT, BpfInfo.Prog.TYPE), info.get(JAVA_INT, BpfInfo.Prog.ID),
                    info.asSlice(BpfInfo.Prog.NAME, 16).getString(0),
                    ProgramInfo.hexTag(info.asSlice(BpfInfo.Prog.TAG, 8).toArray(JAVA_BYTE)),
                    Integer.toUnsignedLong(info.get(JAVA_INT, BpfInfo.Prog.XLATED_PROG_LEN)),
                    Integer.toUnsignedLong(info.get(JAVA_INT, BpfInfo.Prog.JITED_PROG_LEN)),
                    info.get(JAVA_INT, BpfInfo.Prog.NR_MAP_IDS), info.get(JAVA_INT, BpfInfo.Prog.BTF_ID));
        }
    }

    /**
     * Runs the program once (or {@code repeat} times) in the kernel on the given input, without attaching it.
     *
     * @throws TestRunException when the kernel refuses to run it (input too short, type without test runs, ...)
     */
    /** Runs the program once with no packet and no context (what SYSCALL programs and many tests need). */
    public TestRunResult testRun() {
        return testRun(TestRunOptions.builder().build());
    }

    public TestRunResult testRun(TestRunOptions options) {
        int fd = loadedFd();
        byte[] dataIn = options.dataIn();
        byte[] ctxIn = options.ctxIn();
        int dataOutSize = options.dataOutSize().orElse(dataIn.length == 0 ? 0 : dataIn.length + OUTPUT_HEADROOM);
        int ctxOutSize = options.ctxOutSize().orElse(ctxIn.length);
        for (int attempt = 0; ; attempt++) {
            ProgramCommands.TestRunReply reply = ProgramCommands.testRun(new ProgramCommands.TestRun(fd, dataIn,
                    dataOutSize, ctxIn, ctxOutSize, options.repeat(), options.flags(), options.cpu().orElse(0)));
            if (reply.status() == -Errnos.ENOSPC && attempt == 0 && reply.dataSizeOut() > dataOutSize) {
                dataOutSize = reply.dataSizeOut(); // the output packet was larger than the room given: once more
                continue;
            }
            if (reply.status() < 0) {
                throw testRunError((int) -reply.status(), dataIn.length);
            }
            return new TestRunResult(reply.retval(), reply.duration(), reply.dataOut(), reply.ctxOut());
        }
    }

    private TestRunException testRunError(int errno, int dataLength) {
        ProgramType t = type().orElse(ProgramType.UNSPEC);
        String hint = "";
        if (errno == Errnos.ENOTSUPP || errno == Errnos.EOPNOTSUPP || (errno == Errnos.EINVAL
                && !t.supportsTestRun())) {
            hint = t + " programs cannot be run with BPF_PROG_TEST_RUN";
        } else if (errno == Errnos.EINVAL && (t == ProgramType.XDP || t == ProgramType.SCHED_CLS
                || t == ProgramType.SCHED_ACT || t == ProgramType.SOCKET_FILTER) && dataLength < 14) {
            hint = t + " test runs need packet data of at least 14 bytes (an Ethernet header); got " + dataLength;
        }
        return new TestRunException(name, typeName(), errno, hint);
    }

    /**
     * Attaches by section name, as libbpf's auto-attach does ({@code tracepoint/...}, {@code raw_tp/...},
     * {@code fentry/...}, ...). Tracepoint sections mount tracefs first when needed.
     */
    public BpfLink attach() {
        loadedFd();
        if (section.startsWith("tracepoint/") || section.startsWith("tp/")) {
            ensureTracingFilesystem();
        }
        return link("section '" + section + "'", state -> LibBpf.programAttach(state, prog));
    }

    /** Attaches to the tracepoint {@code category/event} (e.g. {@code syscalls}, {@code sys_enter_execve}). */
    public BpfLink attachTracepoint(String category, String event) {
        loadedFd();
        ensureTracingFilesystem();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = arena.allocateFrom(category);
            MemorySegment e = arena.allocateFrom(event);
            return link("tracepoint " + category + "/" + event,
                    state -> LibBpf.programAttachTracepoint(state, prog, c, e));
        }
    }

    /** libbpf 1.1 reads tracepoint ids from debugfs's tracing directory when it exists, else from tracefs. */
    private static void ensureTracingFilesystem() {
        if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of("/sys/kernel/debug/tracing/events"))) {
            Mounts.ensureTracefs();
        }
    }

    /** One libbpf attach call, given the program's libbpf pointer and the errno segment. */
    interface Attach {
        MemorySegment run(MemorySegment state);
    }

    /** The libbpf {@code struct bpf_program *} (for the explicit attach calls in {@link Attachments}). */
    MemorySegment pointer() {
        loadedFd();
        return prog;
    }

    @SuppressWarnings("try")
    BpfLink link(String target, Attach attach) {
        LoadLog log = new LoadLog();
        MemorySegment state = Scratch.get().state;
        MemorySegment link;
        try (LibbpfPrint.Scope ignored = LibbpfPrint.capture(log)) {
            link = attach.run(state);
        }
        if (link.equals(MemorySegment.NULL)) {
            int errno = CallState.errno(state);
            if (errno == Errnos.EOPNOTSUPP || errno == Errnos.ENOTSUPP) {
                throw new AttachException(name, target, errno, "libbpf cannot attach a " + typeName()
                        + " program from its section name alone; it needs an explicit target\n" + log.warnings());
            }
            throw new AttachException(name, target, errno, log.warnings());
        }
        MemorySegment libbpfLink = link;
        return track(new BpfLink(owner, this, target, LibBpf.linkFd(link), () -> LibBpf.linkDestroy(libbpfLink)));
    }

    /** A link that is not libbpf's (a raw link fd, a socket filter, a TC filter), closed with the object. */
    BpfLink track(BpfLink link) {
        owner.track(link);
        return link;
    }

    Owner owner() {
        return owner;
    }

    private int loadedFd() {
        int fd = fd();
        if (fd < 0) {
            throw new IllegalStateException("program '" + name + "' was not loaded (autoload off)");
        }
        return fd;
    }

    void checkOpen() {
        if (closed || owner.isClosed()) {
            throw new IllegalStateException("program '" + name + "' is closed (its object was closed)");
        }
    }

    private void markClosed() {
        closed = true;
    }

    @Override
    public String toString() {
        return "program '" + name + "' (" + typeName() + ", section " + section + ")";
    }
}
