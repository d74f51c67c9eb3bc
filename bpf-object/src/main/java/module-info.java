/**
 * bpf-object: the offline model of BPF objects (ELF, BTF, DWARF, map and program specs, the rules that predict the
 * kernel's answer). Pure Java 17, no native code. Every package is API; the module exists so that bpf-kernel, a
 * named module, can require it.
 */
module org.ebpfj.object {
    exports org.ebpfj.object;
    exports org.ebpfj.object.btf;
    exports org.ebpfj.object.bytes;
    exports org.ebpfj.object.cdump;
    exports org.ebpfj.object.cli;
    exports org.ebpfj.object.codegen;
    exports org.ebpfj.object.dwarf;
    exports org.ebpfj.object.elf;
    exports org.ebpfj.object.machine;
    exports org.ebpfj.object.report;
    exports org.ebpfj.object.rules;
    exports org.ebpfj.object.spec;
    exports org.ebpfj.object.uapi;
}
