#!/usr/bin/env bash
# The code generator over libbpf-bootstrap's examples/c (and any objects given): how many records, typed maps and
# typed event readers it gives, and whether every record compiles (not a test: it prints counts).
#
#   LIBBPF_BOOTSTRAP=/path/to/libbpf-bootstrap bench/codegen-coverage.sh [more FILE.o ...]
#
# Compiles each examples/c/*.bpf.c with clang (CLANG, default clang-14) against a vmlinux.h written from this
# machine's /sys/kernel/btf/vmlinux by the plugin's header writer, libbpf's headers (/usr/include/bpf, from
# libbpf-dev) and the multiarch asm/ headers (as libbpf-bootstrap's Makefile adds them), then runs
# bench/CodegenCoverage.java on the objects.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-$ROOT/target/codegen-coverage}"
CLANG="${CLANG:-clang-14}"
: "${LIBBPF_BOOTSTRAP:?set LIBBPF_BOOTSTRAP to a checkout of libbpf/libbpf-bootstrap}"
mkdir -p "$OUT/objects"

"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl bpf-object package -DskipTests >"$OUT/build.log" 2>&1 \
	|| { cat "$OUT/build.log" >&2; exit 1; }
JAR="$(ls "$ROOT"/bpf-object/target/bpf-object-*-SNAPSHOT.jar | grep -v tests | head -1)"

java -cp "$JAR" "$ROOT/bench/VmlinuxCompare.java" /sys/kernel/btf/vmlinux /dev/null "$OUT/vmlinux.h" >/dev/null || true
arch=$(uname -m | sed 's/x86_64/x86/; s/aarch64/arm64/')
objects=()
for src in "$LIBBPF_BOOTSTRAP"/examples/c/*.bpf.c; do
	obj="$OUT/objects/$(basename "${src%.c}").o"
	if "$CLANG" -g -O2 -target bpf -D__TARGET_ARCH_"$arch" -I"$OUT" -I"$(dirname "$src")" \
		-idirafter "/usr/include/$(uname -m)-linux-gnu" -c "$src" -o "$obj" \
		2>"$obj.log"; then
		objects+=("$obj")
	else
		echo "not compiled: $(basename "$src") (see $obj.log)" >&2
	fi
done
java -cp "$JAR" "$ROOT/bench/CodegenCoverage.java" "$OUT/java" "${objects[@]}" "$@"
