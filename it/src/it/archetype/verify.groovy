import java.util.concurrent.TimeUnit

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def repos = ["-Dmaven.repo.local=${localRepositoryPath.path}", "-Dmaven.repo.local.tail=$realLocalRepository"]
def run = { File dir, List command ->
    def process = new ProcessBuilder(([mvn, '-B'] + repos + command).collect { it.toString() })
            .directory(dir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor(900, TimeUnit.SECONDS)
    [process.exitValue(), output]
}

// The README's one command, with the archetype from the IT repository.
def generated = new File(basedir, 'generated')
generated.mkdirs()
def (generateStatus, generateLog) = run(generated, ['org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate',
        '-DinteractiveMode=false', '-DarchetypeGroupId=org.ebpfj', '-DarchetypeArtifactId=bpf-archetype',
        "-DarchetypeVersion=$ebpfjVersion", '-DgroupId=com.example', '-DartifactId=demo', '-Dversion=1.0-SNAPSHOT',
        '-Dpackage=com.example.demo'])
new File(basedir, 'generate.log').text = generateLog
assert generateStatus == 0 : generateLog
def project = new File(generated, 'demo')
assert new File(project, 'src/main/bpf/counter.bpf.c').isFile()
assert new File(project, 'src/test/java/com/example/demo/CounterTest.java').text.startsWith('package com.example.demo;')
assert new File(project, 'pom.xml').text.contains("<ebpfj.version>$ebpfjVersion</ebpfj.version>")

// Then what the user types next: compile the BPF C, check its maps, run the @BpfTest against the kernel (strict, so
// a skipped kernel test fails here).
def (status, log) = run(project, ['-Dbpf.test.strict=true', 'verify'])
new File(basedir, 'demo-build.log').text = log
assert status == 0 : log
assert log.contains('Compiled 1 of 1 BPF sources') : log
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : log
assert new File(project, 'target/classes/bpf/counter.bpf.o').isFile()
return true
