def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/bpf/events.bpf.c').canonicalFile
def at = "$source:10"
assert source.readLines()[9].startsWith('} events SEC(')

def runs = log.split(/(?=\[INFO\] --- bpf:[^ ]+:compile )/).drop(1)
assert runs.size() == 4 : "expected 4 builds, found ${runs.size()}"

// 1: a warning naming the setter; the build passes.
assert runs[0] =~ /\[WARNING\] ${java.util.regex.Pattern.quote(at)}: warning: \[libbpf\.deferred-field\] map 'events' \(HASH\): .*max_entries.*bpf_map__set_max_entries/
assert runs[0].contains('Checked 1 map in 1 object: 0 errors, 1 warning')
assert runs[0].contains('BUILD SUCCESS')

// 2: user space sets 0: the kernel's EINVAL, at the declaration.
assert runs[1].contains("[ERROR] $at: error: [hash.max-entries] map 'events' (HASH): max_entries is 0")
assert runs[1] =~ /\[ERROR\] .*map 'events' \(HASH\): max_entries is 0.*\(kernel: EINVAL\)/
assert runs[1].contains('BPF map check failed: 1 error in 1 object; the first:')
assert !runs[1].contains('[libbpf.deferred-field]')

// 3: the same warning, now failing the build.
assert runs[2].contains('BPF map check failed: 1 warning and failOnWarning is set; the first:')
assert runs[2].contains("[ERROR]   $at: warning: [libbpf.deferred-field] map 'events' (HASH)")

// 4: with the value user space sets, nothing to say.
assert runs[3].contains('Checked 1 map in 1 object: 0 errors, 0 warnings')
assert runs[3].contains('BUILD SUCCESS')
return true
