/**
 * bpf-kernel: live BPF objects, maps and programs through the Foreign Function &amp; Memory API.
 *
 * <p>The exported packages are the API; {@code org.ebpfj.kernel.internal.sys} is the only code that lays out
 * {@code bpf_attr} and calls {@code bpf()}, libbpf and libc, and is not exported. Native access must be enabled for
 * this module ({@code --enable-native-access=org.ebpfj.kernel} on the module path, {@code ALL-UNNAMED} on the class
 * path).
 */
module org.ebpfj.kernel {
    requires transitive org.ebpfj.object;

    exports org.ebpfj.kernel;
    exports org.ebpfj.kernel.map;
    exports org.ebpfj.kernel.program;
    exports org.ebpfj.kernel.event;
    exports org.ebpfj.kernel.error;
    exports org.ebpfj.kernel.codec;
}
