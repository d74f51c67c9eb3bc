#!/bin/sh
# A measurement, not a test: the example suite and the map-create differential test on every configured kernel
# (BPF_KERNELS, default 5.10,6.1,6.12) in QEMU guests. Prints, last, one line per kernel:
#   kernel K: tests T, failed F, skipped S, differential A/N agree, wall W s
# T/F/S count the example's tests in the guest; W is the guest wall time of the example and the differential test.
# Needs what .ci/matrix.sh installs. Kernels are cached in ~/.cache/ebpfj/kernels.
set -u
cd "$(dirname "$0")/.."
KERNELS=${BPF_KERNELS:-5.10,6.1,6.12}
# The differential test's sample per guest, as in .ci/matrix.sh: every DIFF_STRIDE-th boundary case of each map
# type (1 = all ~31,000) and DIFF_COUNT random attributes.
DIFF_COUNT=${BPF_MATRIX_DIFF_COUNT:-1000}
DIFF_STRIDE=${BPF_MATRIX_DIFF_STRIDE:-10}
M2=${M2_REPO:-$HOME/.m2/repository}
out=bench/results/kernel-matrix
mkdir -p "$out"

./mvnw -B -pl examples/hash-vs-lru -am verify -DskipLibraryTests -Dbpf.kernels="$KERNELS" \
  > "$out/example.log" 2>&1
./mvnw -B -q -pl bpf-kernel,bpf-vm -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test > "$out/build.log" 2>&1 || {
  echo "build failed: $out/build.log"; exit 1; }
cp=$(tr ':' '\n' < bpf-kernel/target/test.classpath | grep -vE '/org/junit/|/opentest4j/|/apiguardian/' | paste -sd: -)
jdk=${BPF_MATRIX_JDK:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-2[2-9]* 2>/dev/null | head -1)}
launcher="$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar"
java -cp "bpf-vm/target/classes:$launcher" org.ebpfj.vm.Main --kernels "$KERNELS" --java-home "$jdk" \
  --classpath "$PWD/bpf-kernel/target/classes:$cp" --scan "$PWD/bpf-kernel/target/test-classes" \
  --classes '.*MapCreateDifferentialTest' --jvm-arg --enable-native-access=ALL-UNNAMED \
  -Dbpf.test.strict=true -Dbpf.differential.count="$DIFF_COUNT" \
  -Dbpf.differential.boundaryStride="$DIFF_STRIDE" --build-dir "$PWD/bpf-kernel/target" --cwd "$PWD/bpf-kernel" > "$out/differential.log" 2>&1

echo
for k in $(echo "$KERNELS" | tr ',' ' '); do
  line=$(grep -h "kernel $k (" "$out/example.log" | grep "tests [0-9]" | tail -1)
  tests=$(echo "$line" | sed -n 's/.*tests \([0-9]*\).*/\1/p')
  failed=$(echo "$line" | sed -n 's/.*failed \([0-9]*\).*/\1/p')
  skipped=$(echo "$line" | sed -n 's/.*skipped \([0-9]*\).*/\1/p')
  wall=$(echo "$line" | sed -n 's/.*wall \([0-9.]*\) s.*/\1/p')
  # W: both guests of the kernel, the example's and the differential's (boot to power-off each).
  dline=$(grep -h "kernel $k (" "$out/differential.log" | grep "tests [0-9]" | tail -1)
  dwall=$(echo "$dline" | sed -n 's/.*wall \([0-9.]*\) s.*/\1/p')
  [ -n "$wall" ] && [ -n "$dwall" ] && wall=$(awk "BEGIN { printf \"%.1f\", $wall + $dwall }")
  dlog="bpf-kernel/target/bpf-vm/kernel-$k/output.log"
  compared=$(sed -n 's/.* attributes compared: \([0-9]*\) in .*/\1/p' "$dlog" 2>/dev/null | tail -1)
  disagree=$(sed -n 's/.* s, \([0-9]*\) disagreements.*/\1/p' "$dlog" 2>/dev/null | tail -1)
  agree=$(( ${compared:-0} - ${disagree:-0} ))
  echo "kernel $k: tests ${tests:-?}, failed ${failed:-?}, skipped ${skipped:-?}, differential $agree/${compared:-?} agree, wall ${wall:-?} s"
done
