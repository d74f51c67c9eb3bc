import java.nio.file.Files
import java.nio.file.Path
import org.ebpfj.maven.toolchain.EmbeddedClangInstaller
import org.ebpfj.maven.toolchain.EmbeddedLlvm

// Cloning the project does not keep the executable bit.
assert new File(basedir, 'fakebin/clang').setExecutable(true)

// A usable clang-21 further on: a wrapper around the embedded clang, so this project needs no clang installed.
def llvm = new EmbeddedLlvm(llvmVersion, 'linux-x86_64')
def jar = Path.of(realLocalRepository, 'org/bytedeco/llvm', llvmVersion, "llvm-${llvmVersion}-linux-x86_64.jar")
assert Files.isRegularFile(jar) : "the embedded clang's jar is fetched before the ITs (profile prefetch-llvm): $jar"
def installation = new EmbeddedClangInstaller(llvm).install(jar, Path.of(localRepositoryPath.path, '.cache/bpf-maven-plugin'))
def wrapper = new File(basedir, 'fakebin/clang-21')
wrapper.text = "#!/bin/sh\nexec '${EmbeddedClangInstaller.clangIn(installation)}' \"\$@\"\n"
assert wrapper.setExecutable(true)
return true
