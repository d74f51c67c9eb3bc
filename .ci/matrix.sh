#!/bin/sh
# The kernel matrix in CI: the example's tests and bpf-kernel's guest classes (the map-create differential test, and
# per kernel what only a guest can run) in QEMU guests of kernels other than the host's (default 5.10 and 6.12;
# BPF_KERNELS=... to change), strictly: a failure on any kernel fails this script. Idempotent: installs what it
# needs once (qemu-system-x86, busybox-static, cpio; gpgv and debian-archive-keyring verify the kernels), and the
# kernels are prepared into ~/.cache/ebpfj/kernels (about 65 MB each) and reused by later runs.
# Guests run one at a time: under TCG each is CPU-heavy.
set -eu
cd "$(dirname "$0")/.."
KERNELS=${BPF_KERNELS:-5.10,6.12}
# The differential test in a guest: TCG is ~15x slower than the host, so CI samples. Of its ~31,000 boundary cases
# every DIFF_STRIDE-th of each map type is compared (each type's first always, so every type is covered), then
# DIFF_COUNT random attributes (10,000 on the host). BPF_MATRIX_DIFF_STRIDE=1 compares them all.
DIFF_COUNT=${BPF_MATRIX_DIFF_COUNT:-1000}
DIFF_STRIDE=${BPF_MATRIX_DIFF_STRIDE:-10}
# bpf-kernel test classes (regexes) run in every guest.
KERNEL_CLASSES=${BPF_MATRIX_KERNEL_CLASSES:-'.*MapCreateDifferentialTest'}
# More classes for one kernel only, as "kernel=regex" words: attach kinds this host cannot run (no kprobes,
# fentry EPERM) run in a guest that can. A pattern no class matches selects nothing (GuestOnlyAttachTest may not
# be on this branch yet).
KERNEL_ONLY_CLASSES=${BPF_MATRIX_KERNEL_ONLY_CLASSES:-'6.12=.*GuestOnlyAttachTest'}
M2=${M2_REPO:-$HOME/.m2/repository}

missing=""
command -v qemu-system-x86_64 >/dev/null 2>&1 || missing="$missing qemu-system-x86"
[ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1 || missing="$missing busybox-static"
command -v cpio >/dev/null 2>&1 || missing="$missing cpio"
command -v gpgv >/dev/null 2>&1 || missing="$missing gpgv"
[ -r /usr/share/keyrings/debian-archive-keyring.gpg ] || missing="$missing debian-archive-keyring"
if [ -n "$missing" ]; then
  echo "matrix: installing$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

start=$(date +%s)
echo "matrix: example tests on kernels $KERNELS (the host run of them is the README command's)"
./mvnw -B -pl examples/hash-vs-lru -am verify -DskipLibraryTests -Dmaven.test.skip.exec=true -Dbpf.test.strict=true \
  -Dbpf.kernels="$KERNELS"
example=$(date +%s)

echo "matrix: bpf-kernel guest classes on kernels $KERNELS (differential: every $DIFF_STRIDE. boundary case," \
  "$DIFF_COUNT random attributes)"
./mvnw -B -q -pl bpf-kernel,bpf-vm -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cp=$(tr ':' '\n' < bpf-kernel/target/test.classpath | grep -vE '/org/junit/|/opentest4j/|/apiguardian/' | paste -sd: -)
jdk=${BPF_MATRIX_JDK:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-2[2-9]* 2>/dev/null | head -1)}
launcher="$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar"
for k in $(echo "$KERNELS" | tr ',' ' '); do
  classes=$KERNEL_CLASSES
  for pair in $KERNEL_ONLY_CLASSES; do
    [ "${pair%%=*}" = "$k" ] && classes="$classes|${pair#*=}"
  done
  java -cp "bpf-vm/target/classes:$launcher" org.ebpfj.vm.Main --kernels "$k" --java-home "$jdk" \
    --classpath "$PWD/bpf-kernel/target/classes:$cp" --scan "$PWD/bpf-kernel/target/test-classes" \
    --classes "$classes" --jvm-arg --enable-native-access=ALL-UNNAMED \
    -Dbpf.test.strict=true -Dbpf.differential.count="$DIFF_COUNT" ${BPF_DIFFERENTIAL_SEED:+-Dbpf.differential.seed="$BPF_DIFFERENTIAL_SEED"} \
    -Dbpf.differential.boundaryStride="$DIFF_STRIDE" --build-dir "$PWD/bpf-kernel/target" --cwd "$PWD/bpf-kernel"
done
end=$(date +%s)
echo "matrix: passed in $((end - start)) s (example $((example - start)) s, bpf-kernel classes $((end - example)) s)"
