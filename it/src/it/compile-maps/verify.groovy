import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text

// Which clang and why is reported.
assert log =~ /\[INFO\] Using \S+clang\S* \((Debian |Ubuntu )?clang version [0-9.]+/
// By default the pinned embedded clang, whatever the PATH holds (CI also runs the ITs with -Dbpf.toolchain=path).
assert log.contains('embedded org.bytedeco:llvm:') || log.contains('<toolchain>path</toolchain>')
// The BPF cpu version is passed explicitly, so every clang emits the same instructions.
assert log.contains('[INFO] BPF cpu: -mcpu=v3')
assert log.contains('Compiled 2 of 2 BPF sources (0 up to date)')

// Objects mirror the source tree under target/classes/bpf and are BPF ELF files (e_machine 247 = EM_BPF).
['hash_lru.bpf.o', 'net/xdp_count.bpf.o'].each { name ->
    def obj = new File(basedir, "target/classes/bpf/$name")
    assert obj.isFile() : "missing $obj"
    byte[] b = obj.bytes
    assert b[0] == 0x7f && b[1] == (byte) 'E' && b[2] == (byte) 'L' && b[3] == (byte) 'F'
    assert ((b[18] & 0xff) | ((b[19] & 0xff) << 8)) == 247 : "$name is not an EM_BPF object"
    def text = new String(b, 'ISO-8859-1')
    assert text.contains('.BTF') : "$name has no BTF (-g missing?)"
    assert !text.contains(basedir.absolutePath) : "$name leaks the build path (-fdebug-prefix-map missing?)"
}
assert new String(new File(basedir, 'target/classes/bpf/hash_lru.bpf.o').bytes, 'ISO-8859-1').contains('lru_map')

// Packaged in the jar.
def jar = new File(basedir, 'target/compile-maps-1.0.jar')
assert jar.isFile()
new ZipFile(jar).withCloseable { zip ->
    assert zip.getEntry('bpf/hash_lru.bpf.o') != null
    assert zip.getEntry('bpf/net/xdp_count.bpf.o') != null
}
return true
