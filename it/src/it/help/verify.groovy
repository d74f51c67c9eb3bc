def log = new File(basedir, 'build.log').text
assert log.contains('bpf:compile')
assert log.contains('bpf:check')
assert log.contains('bpf:vmlinux')
assert log.contains('bpf:help')
// Parameters are documented with their command-line property.
assert log.contains('User property: bpf.clang')
assert log.contains('User property: bpf.skip')
assert log.contains('User property: bpf.check.skip')
assert log.contains('User property: bpf.failOnWarning')
assert log.contains('User property: bpf.mapOverrides')
assert log.contains('User property: bpf.btfFile')
assert log.contains('User property: bpf.vmlinuxTypes')
assert log.contains('org.bytedeco:llvm')
return true
