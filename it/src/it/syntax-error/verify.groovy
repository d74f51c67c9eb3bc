def log = new File(basedir, 'build.log').text
def src = new File(basedir, 'src/main/bpf').canonicalPath

// Each error at its file:line:column, as an [ERROR] line IDEs can link.
assert log.contains("[ERROR] $src/broken.bpf.c:7:11: error: expected ';' at end of declaration")
assert log.contains("[ERROR] $src/undeclared.bpf.c:7:9: error: use of undeclared identifier 'no_such_variable'")

// The build failure lists every failing source, and only those.
assert log.contains('BPF compilation failed for 2 of 3 sources:')
def failure = log.substring(log.indexOf('BPF compilation failed for'))
assert failure.contains('broken.bpf.c:7:11')
assert failure.contains('undeclared.bpf.c:7:9')
assert !failure.contains('good.bpf.c')

// The valid source still compiled; the failed ones left no object behind.
assert new File(basedir, 'target/classes/bpf/good.bpf.o').isFile()
assert !new File(basedir, 'target/classes/bpf/broken.bpf.o').exists()
assert !new File(basedir, 'target/classes/bpf/undeclared.bpf.o').exists()
return true
