#!/usr/bin/env bash
# Rebuilds the test objects from their sources. The .o files are committed because CI has no clang;
# run this after changing a .bpf.c file and commit both.
#   CLANG=/path/to/clang ./regenerate.sh
# -O2 -g: optimised code with BTF (libbpf needs BTF for .maps definitions and CO-RE).
# -mcpu=v3: atomic fetch-and-add and 32-bit jumps; kernels from 5.12 on accept both.
set -euo pipefail
cd "$(dirname "$0")"
CLANG="${CLANG:-/tmp/llvm/x/org/bytedeco/llvm/linux-x86_64/clang}"
# usdt.bpf.c includes the plugin's BPF headers (usdt.bpf.h); the others need only mini_bpf.h.
HEADERS=../../../../../bpf-maven-plugin/src/main/resources/org/ebpfj/maven/headers
for src in *.bpf.c; do
    "$CLANG" -target bpf -mcpu=v3 -O2 -g -fno-ident -fdebug-prefix-map="$PWD"=. -I "$HEADERS" -c "$src" \
        -o "${src%.c}.o"
    echo "built ${src%.c}.o"
done
