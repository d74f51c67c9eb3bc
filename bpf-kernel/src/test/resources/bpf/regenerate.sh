#!/usr/bin/env bash
# Rebuilds the test objects of bpf-kernel (this folder) and of bpf-test-harness (its src/test/resources/bpf, whose
# sources share this folder's mini_bpf.h) from their sources. The .o files are committed because CI has no clang;
# run this after changing a .bpf.c file and commit both.
#   CLANG=/path/to/clang ./regenerate.sh
# -O2 -g: optimised code with BTF (libbpf needs BTF for .maps definitions, global variables and CO-RE).
# -mcpu=v3: atomic fetch-and-add and 32-bit jumps; kernels from 5.12 on accept both.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
CLANG="${CLANG:-/tmp/llvm/x/org/bytedeco/llvm/linux-x86_64/clang}"
# usdt.bpf.c includes the plugin's BPF headers as a user does (<bpf/usdt.bpf.h>); the others need only mini_bpf.h.
HEADERS="$(mktemp -d)"
trap 'rm -rf "$HEADERS"' EXIT
ln -s "$here/../../../../../bpf-maven-plugin/src/main/resources/org/ebpfj/maven/headers" "$HEADERS/bpf"
for dir in "$here" "$here/../../../../../bpf-test-harness/src/test/resources/bpf"; do
    cd "$dir"
    # Debug info names files relative to the source folder, so the objects do not depend on where they were built.
    paths=(-fdebug-prefix-map="$PWD"=. -fdebug-prefix-map="$HEADERS"=headers)
    if [ "$PWD" != "$here" ]; then
        paths+=(-fdebug-prefix-map="$here"=../../../../../bpf-kernel/src/test/resources/bpf)
    fi
    for src in *.bpf.c; do
        "$CLANG" -target bpf -mcpu=v3 -O2 -g -fno-ident "${paths[@]}" -I "$here" -I "$HEADERS" \
            -c "$src" -o "${src%.c}.o"
        echo "built $dir/${src%.c}.o"
    done
done
