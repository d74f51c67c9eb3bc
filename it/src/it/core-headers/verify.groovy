def log = new File(basedir, 'build.log').text
assert log.contains("BPF headers: bpf-maven-plugin's own headers in")
// The complete helper list, whatever the machine's UAPI header (Debian 12's lacks the last two helpers).
assert log =~ /bpf_helper_defs\.h: (the plugin's list of 211 helpers|\d+ helpers from \/usr\/include\/linux\/bpf\.h)/
assert log.contains('Compiled 1 of 1 BPF sources')
// -Wall and the plugin's headers together: no warnings.
assert !(log =~ /\[WARNING\] .*\.h:\d+/) : 'the bundled headers produced warnings'
def include = new File(basedir, 'target/bpf-include/bpf')
['bpf_helpers.h', 'bpf_helper_defs.h', 'bpf_tracing.h', 'bpf_core_read.h', 'bpf_endian.h', 'usdt.bpf.h'].each {
    assert new File(include, it).isFile() : "missing $it"
}
def defs = new File(include, 'bpf_helper_defs.h').text
assert defs.contains('static void *(* const bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;')
def obj = new String(new File(basedir, 'target/classes/bpf/core.bpf.o').bytes, 'ISO-8859-1')
assert obj.contains('.BTF.ext') // CO-RE relocations live there
return true
