#!/usr/bin/env bash
# Rebuilds the harness's test objects from their sources. The .o files are committed because CI has no clang;
# run this after changing a .bpf.c file and commit both.
#   CLANG=/path/to/clang ./regenerate.sh
# -O2 -g: optimised code with BTF (libbpf needs BTF for .maps definitions, global variables and CO-RE).
# -mcpu=v3: atomic fetch-and-add and 32-bit jumps; kernels from 5.12 on accept both.
set -euo pipefail
cd "$(dirname "$0")"
CLANG="${CLANG:-/tmp/llvm/x/org/bytedeco/llvm/linux-x86_64/clang}"
for src in *.bpf.c; do
    "$CLANG" -target bpf -mcpu=v3 -O2 -g -fno-ident -fdebug-prefix-map="$PWD"=. -c "$src" -o "${src%.c}.o"
    echo "built ${src%.c}.o"
done
