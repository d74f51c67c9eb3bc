def log = new File(basedir, 'build.log').text
def fake = new File(basedir, 'fakebin/clang').canonicalPath
assert log.contains("[WARNING] Ignoring $fake on the PATH: built without the BPF target")
// Another clang compiled the source: a real one further on the PATH, or the embedded one.
assert log =~ /\[INFO\] Using \S+ \((Debian |Ubuntu )?clang version (?!99\.)/
assert new File(basedir, 'target/classes/bpf/good.bpf.o').isFile()
return true
