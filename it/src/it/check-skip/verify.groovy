def log = new File(basedir, 'build.log').text

// compile still runs and packages the object; only check is skipped, and says why.
assert log.contains('Compiled 1 of 1 BPF sources')
assert new File(basedir, 'target/classes/bpf/array_key.bpf.o').isFile()
assert log.contains('Skipping bpf:check (bpf.check.skip=true)')
assert !log.contains('Checking BPF maps for')
assert !log.contains('[array.key-size]')
assert !new File(basedir, 'target/bpf/maps.json').exists()
return true
