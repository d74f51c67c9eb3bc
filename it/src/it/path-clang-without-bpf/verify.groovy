def log = new File(basedir, 'build.log').text
def fakebin = new File(basedir, 'fakebin').canonicalPath
// The clang on the PATH is passed over, and the next name in the search order that works is used, with the
// reason it was chosen; the embedded clang is not looked for.
["[WARNING] Ignoring $fakebin/clang on the PATH: built without the BPF target",
 "[INFO] Using $fakebin/clang-21 (clang version 20.1.7",
 "found on PATH as 'clang-21'; <toolchain>path</toolchain>)"].each { assert log.contains(it) }
assert !log.contains('embedded org.bytedeco:llvm')
assert new File(basedir, 'target/classes/bpf/good.bpf.o').isFile()
return true
