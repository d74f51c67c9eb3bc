package org.ebpfj.object.elf;

/** Names for {@code e_machine} values, so a wrong object says what it is rather than a number. */
final class ElfMachine {
    static final int EM_NONE = 0;
    static final int EM_BPF = 247;

    private ElfMachine() {
    }

    static String describe(int machine) {
        switch (machine) {
            case 2: return "SPARC";
            case 3: return "x86 (i386)";
            case 8: return "MIPS";
            case 20: return "PowerPC";
            case 21: return "PowerPC64";
            case 22: return "s390";
            case 40: return "ARM";
            case 43: return "SPARC v9";
            case 62: return "x86-64";
            case 183: return "AArch64";
            case 243: return "RISC-V";
            case 258: return "LoongArch";
            default: return "e_machine " + machine;
        }
    }
}
