def log = new File(basedir, 'build.log').text
assert log.contains('No BPF sources in src/main/bpf [**/*.bpf.c], nothing to compile')
// No toolchain was looked for: a project without BPF code never downloads clang.
assert !log.contains('Using ')
assert !log.contains('org.bytedeco')
assert !new File(basedir, 'target/classes/bpf').exists()
return true
