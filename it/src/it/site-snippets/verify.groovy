def log = new File(basedir, 'build.log').text
// Every plugin a snippet names carries its version: without one, Maven 3.6-3.8 pick defaults too old for Java 22
// and JUnit 5 ("Source option 5 is no longer supported", no JUnit 5 provider).
def snippets = new File(basedir, 'snippets.txt').text
(snippets =~ /(?s)<plugin>(.*?)<\/plugin>/).each { match ->
    assert match[1].contains('<version>') : "a site snippet's plugin has no <version>:\n${match[1]}"
}
assert log.contains('Building plugin-page 1.0') || log.contains('plugin-page')
assert new File(basedir, 'plugin-page/target/classes/bpf/counter.bpf.o').isFile()
assert new File(basedir, 'plugin-page/target/bpf/maps.json').text.contains('"counts"')
assert new File(basedir, 'harness-page/target/classes/bpf/counter.bpf.o').isFile()
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
