#!/usr/bin/env bash
# Rebuilds the committed test objects from the C sources next to this script.
#
#   CLANG=/path/to/clang [LLVM_LINK=/path/to/llvm-link] ./regenerate.sh
#
# The unit tests read the committed .o files (CI has no clang), so run this only when a source changes and
# commit the sources and objects together; then update the tests' expected values (line numbers, sizes).
# Debug paths are made relative ("objects/...") so the objects do not depend on where they were built.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
: "${CLANG:?set CLANG to a clang that can compile -target bpf (clang 14 or newer)}"
LLVM_LINK="${LLVM_LINK:-$(dirname "$CLANG")/llvm-link}"
cd "$here"

common=(-O2 -g -Wall -Wno-unused-function -fdebug-prefix-map="$here"=objects -fno-ident)

compile() { # compile <source> <output> <extra flags...>
	local src="$1" out="$2"
	shift 2
	"$CLANG" -target bpf "${common[@]}" "$@" -c "$src" -o "$out"
	echo "built $out"
}

compile maps_valid.bpf.c maps_valid.bpf.o
compile maps_valid.bpf.c maps_valid.bpfeb.o -target bpfeb
compile maps_valid.bpf.c maps_valid.dwarf4.o -gdwarf-4
compile maps_invalid.bpf.c maps_invalid.bpf.o
compile maps_rejected.bpf.c maps_rejected.bpf.o
compile global_data.bpf.c global_data.bpf.o
compile legacy_maps.bpf.c legacy_maps.bpf.o -gdwarf-4
compile programs.bpf.c programs.bpf.o
compile shapes.bpf.c shapes.bpf.o
compile events.bpf.c events.bpf.o
compile bitfields.bpf.c bitfields.bpf.o
compile bitfields.bpf.c bitfields.bpfeb.o -target bpfeb

# Two translation units in one object, so the DWARF reader sees several compile units (as a linked object has).
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
compile multi_cu_a.c "$tmp/a.bc" -emit-llvm
compile multi_cu_b.c "$tmp/b.bc" -emit-llvm
"$LLVM_LINK" "$tmp/a.bc" "$tmp/b.bc" -o "$tmp/multi.bc"
"$CLANG" -target bpf -O2 -c "$tmp/multi.bc" -o multi_cu.bpf.o
echo "built multi_cu.bpf.o"
