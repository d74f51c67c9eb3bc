def log = new File(basedir, 'build.log').text
def assertions = new File(basedir, 'assertions.count').text as int

// Tens of thousands of sizes and offsets were asserted (the kernel has ~100k BTF types) and all held.
assert assertions > 10000 : "only $assertions assertions"
assert log.contains('Wrote ')
assert log.contains('vmlinux.h from /sys/kernel/btf/vmlinux (')
assert log.contains('Compiled 2 of 2 BPF sources (0 up to date)')
assert !log.contains('[ERROR]')
assert new File(basedir, 'target/classes/bpf/layout_check.bpf.o').isFile()
assert new File(basedir, 'target/classes/bpf/regs.bpf.o').isFile()
def check = new File(basedir, 'src/main/bpf/layout_check.bpf.c').text
assert check.contains('#include "vmlinux.h"')
assert check.contains('CHECK_SIZE(struct task_struct, ')
assert check.contains('CHECK_OFFSET(struct pt_regs, di, 112);')
return true
