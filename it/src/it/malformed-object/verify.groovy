def log = new File(basedir, 'build.log').text
def objects = new File(basedir, 'objects').canonicalPath

// One error line per file, naming it and saying why.
assert log.contains("[ERROR] $objects/random.o: error: not a readable BPF object: not an ELF file (no \\x7fELF magic) (at byte 0)")
assert log.contains("[ERROR] $objects/x86.o: error: not a readable BPF object: x86-64 object, not BPF: compile with clang -target bpf (at byte 18)")
assert log.contains('BPF map check failed: 2 errors in 2 objects; the first:')

// The check ran alone: no clang was looked for. And no stack trace, no exception class name anywhere.
assert !log.contains('Using ')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/)
assert !(log =~ /\w+(Exception|Error):/)
assert !log.contains('Caused by')
return true
