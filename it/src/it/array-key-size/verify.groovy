import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/bpf/array_key.bpf.c').canonicalFile

// compile ran, then check.
assert log.indexOf('Compiled 1 of 1 BPF sources') >= 0
assert log.indexOf('Compiled 1 of 1 BPF sources') < log.indexOf('Checking BPF maps for')

// The declaration is the line naming the map variable ("} wide_keys SEC(".maps");"), line 11.
def declaration = source.readLines().findIndexOf { it.startsWith('} wide_keys SEC(') } + 1
assert declaration == 11
def error = "$source:11: error: [array.key-size] map 'wide_keys' (ARRAY): key_size is 8, an ARRAY key is the" +
        " 32-bit index: key_size must be 4 (kernel: EINVAL)"
assert log.contains("[ERROR] $error")

// The build fails with the count and the first error.
assert log.contains("BPF map check failed: 1 error in 1 object; the first:")
assert log.contains("[ERROR]   $error")

// The report is written before the build fails.
def report = new JsonSlurper().parse(new File(basedir, 'target/bpf/maps.json'))
def map = report.objects[0].maps.find { it.name == 'wide_keys' }
assert map.creatable == false
assert map.kernel == 'EINVAL'
assert map.findings*.rule == ['array.key-size']
return true
