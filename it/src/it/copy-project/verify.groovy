import java.nio.file.Files
import java.util.concurrent.TimeUnit

// The user's steps: build, `cp -a project copy`, change the copy (here: remove a source), build the copy.
def original = basedir
def objects = new File(original, 'target/classes/bpf')
def before = ['counter.bpf.o', 'knobs.bpf.o'].collectEntries { name ->
    def f = new File(objects, name)
    assert f.isFile() : "the first build made $f"
    [(name): [f.bytes.encodeHex().toString(), f.lastModified()]]
}

def copy = new File(original.parentFile, original.name + '-copy')
copy.deleteDir()
def run = { List<String> command, File dir ->
    def process = new ProcessBuilder(command.collect { it.toString() }).directory(dir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor(600, TimeUnit.SECONDS)
    [process.exitValue(), output]
}
assert run(['cp', '-a', original.path, copy.path], original.parentFile)[0] == 0
assert new File(copy, 'src/main/bpf/knobs.bpf.c').delete()
Thread.sleep(1100) // a rewritten file would get a later modification time

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def (status, log) = run([mvn, '-B', '-o', "-Dmaven.repo.local=${localRepositoryPath.path}",
        "-Dmaven.repo.local.tail=$realLocalRepository", 'verify'], copy)
new File(original, 'copy-build.log').text = log
assert status == 0 : log

// The copy's state file names the original's folder: ignored, so the copy compiled its source itself ...
assert log.contains('Compiled 1 of 1 BPF sources (0 up to date)') : log
// ... and nothing outside the copy was removed or rewritten.
assert !log.contains('Removed ') : log
before.each { name, stamp ->
    def f = new File(objects, name)
    assert f.isFile() : "$f was deleted by the copy's build"
    assert [f.bytes.encodeHex().toString(), f.lastModified()] == stamp : "$f was rewritten by the copy's build"
}
// The copy's own state now names the copy, in paths relative to it.
def state = new File(copy, 'target/bpf-maven-plugin/default/compile-state.tsv')
assert state.text.contains("project\t${copy.path}") || state.text.contains("project\t${copy.canonicalPath}")
assert !state.text.contains(original.path + '/')
return true
