def log = new File(basedir, 'build.log').text
['bpf:compile', 'bpf:check', 'bpf:vmlinux', 'bpf:help'].each { assert log.contains(it) }
// Parameters are documented with their command-line property.
['bpf.clang', 'bpf.skip', 'bpf.check.skip', 'bpf.failOnWarning', 'bpf.mapOverrides', 'bpf.btfFile',
 'bpf.vmlinuxTypes'].each { assert log.contains("User property: $it") }
assert log.contains('org.bytedeco:llvm')
return true
