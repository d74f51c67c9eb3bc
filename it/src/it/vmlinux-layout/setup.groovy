import org.ebpfj.object.btf.BtfReader
import org.ebpfj.object.cdump.CHeaderOptions
import org.ebpfj.object.cdump.LayoutAssertions

// A C file asserting, for every struct, union, enum and typedef of the running kernel, the size and every member
// offset its BTF records (bpf-object's LayoutAssertions, from its test-jar). It includes "vmlinux.h", which the
// build itself generates (bpf:vmlinux) before compiling it (bpf:compile): the build passes only if the header
// lays every type out exactly as the kernel does.
def btf = BtfReader.read(new File('/sys/kernel/btf/vmlinux').bytes)
def generated = LayoutAssertions.generate(btf, CHeaderOptions.defaults(), 'vmlinux.h')
new File(basedir, 'src/main/bpf/layout_check.bpf.c').text = generated.check()
new File(basedir, 'assertions.count').text = String.valueOf(generated.assertions())
println "vmlinux-layout: ${generated.assertions()} layout assertions for ${btf.typeCount() - 1} BTF types"
return true
