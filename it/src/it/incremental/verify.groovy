def log = new File(basedir, 'build.log').text

// One build.log holds the three invocations; split it at each run of bpf:compile.
def runs = log.split(/(?=\[INFO\] --- bpf:[^ ]+:compile )/).drop(1)
assert runs.size() == 3 : "expected 3 bpf:compile runs, found ${runs.size()}"

assert runs[0].contains('Compiled 3 of 3 BPF sources (0 up to date)')

assert runs[1].contains('All 3 BPF objects are up to date, nothing to compile')
assert !runs[1].contains('Compiled ')

assert runs[2].contains('Compiled 2 of 3 BPF sources (1 up to date)')
assert runs[2] =~ /a\.bpf\.c -> \S+a\.bpf\.o \[changed: shared\.h\]/
assert runs[2] =~ /b\.bpf\.c -> \S+b\.bpf\.o \[changed: shared\.h\]/
assert !(runs[2] =~ /c\.bpf\.c -> /)
return true
