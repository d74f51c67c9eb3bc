import java.util.concurrent.TimeUnit

def project = new File(basedir, 'generated/demo')
assert new File(project, 'pom.xml').isFile() : 'archetype:generate created generated/demo'
assert new File(project, 'src/main/bpf/counter.bpf.c').isFile()
assert new File(project, 'src/test/java/com/example/demo/CounterTest.java').text.startsWith('package com.example.demo;')

// Build it as the user would next: compile the BPF C, check its maps, run the @BpfTest against the kernel (strict,
// so a skipped kernel test fails here), with the IT repository holding this build's ebpfj artifacts.
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def process = new ProcessBuilder(mvn, '-B', "-Dmaven.repo.local=${localRepositoryPath.path}",
        "-Dmaven.repo.local.tail=$realLocalRepository", '-Dbpf.test.strict=true', 'verify')
        .directory(project).redirectErrorStream(true).start()
def log = process.inputStream.text
assert process.waitFor(900, TimeUnit.SECONDS)
new File(basedir, 'demo-build.log').text = log
assert process.exitValue() == 0 : log
assert log.contains('Compiled 1 of 1 BPF sources') : log
assert log =~ /map 'counts' \(HASH\)|counts/ : log
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : log
assert new File(project, 'target/classes/bpf/counter.bpf.o').isFile()
return true
