def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/bpf/hash_too_big.bpf.c').canonicalFile

def declaration = source.readLines().findIndexOf { it.startsWith('} too_big SEC(') } + 1
assert declaration == 29
assert log.contains("[ERROR] $source:29: error: [hash.key-value-size] map 'too_big' (HASH): key_size 4 +" +
        " value_size 4194252 = 4194256 bytes, but a hash element (48-byte header + key + value) must fit in" +
        " KMALLOC_MAX_SIZE (4194304 bytes (4 MiB)): key_size + value_size must be at most 4194255 (kernel: E2BIG)")

// One byte less is accepted: the only error is too_big.
assert !(log =~ /\[ERROR\] .*map 'largest_allowed'/)
assert log.contains('BPF map check failed: 1 error in 1 object; the first:')
return true
