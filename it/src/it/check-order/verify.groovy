def log = new File(basedir, 'build.log').text
// Goals of one phase run in the order written: check came first, so it stops rather than pass on no objects.
assert log.contains('bpf:check runs before bpf:compile in this build, so it would check old objects or none:' +
        ' list <goal>compile</goal> before <goal>check</goal>')
assert !log.contains('Compiled ')
assert !log.contains('Checking BPF maps')
return true
