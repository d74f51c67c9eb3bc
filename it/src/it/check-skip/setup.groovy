// The same invalid source as array-key-size (an ARRAY map with an 8-byte key), taken from that project's clone so
// that the two tests cannot drift apart.
def source = new File(basedir, '../array-key-size/src/main/bpf/array_key.bpf.c')
assert source.isFile() : "missing $source"
def target = new File(basedir, 'src/main/bpf/array_key.bpf.c')
target.parentFile.mkdirs()
target.text = source.text
return true
