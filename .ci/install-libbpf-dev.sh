#!/usr/bin/env bash
# Installs Debian's libbpf-dev (libbpf's own BPF-side headers in /usr/include/bpf), which HeaderCorpusTest builds
# the header corpus against to compare map specs and BTF with the plugin's headers. The plugin itself never uses
# these headers. Idempotent: does nothing when they are already there. Prints the folder holding bpf/.
set -euo pipefail
if [ ! -f /usr/include/bpf/bpf_helpers.h ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends libbpf-dev >&2
fi
echo /usr/include
