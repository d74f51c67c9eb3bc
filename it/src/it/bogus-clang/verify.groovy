def log = new File(basedir, 'build.log').text
// One error: what was tried, what was found, how to fix it. A configured clang is never silently replaced.
assert log.contains('no usable clang for BPF: tried configured <clang> /nonexistent/bin/clang (not found)')
assert log.contains('fix or remove <clang> (property bpf.clang)')
assert !log.contains('Using ')
return true
