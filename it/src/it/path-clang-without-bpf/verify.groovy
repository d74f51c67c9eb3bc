def log = new File(basedir, 'build.log').text
def fakebin = new File(basedir, 'fakebin').canonicalPath
assert log.contains("[WARNING] Ignoring $fakebin/clang on the PATH: built without the BPF target")
// The next name in the search order that works, with the reason it was chosen.
assert log.contains("[INFO] Using $fakebin/clang-21 (clang version 20.1.7")
assert log.contains("found on PATH as 'clang-21'; <toolchain>path</toolchain>)")
assert !log.contains('embedded org.bytedeco:llvm')
assert new File(basedir, 'target/classes/bpf/good.bpf.o').isFile()
return true
