def log = new File(basedir, 'build.log').text
assert log.contains('Skipping bpf:compile (bpf.skip=true)')
assert !log.contains('Using ')
assert !new File(basedir, 'target/classes/bpf').exists()
return true
