#!/usr/bin/env bash
# Installs Debian's clang-14 (the default clang of Debian 12 and Ubuntu 22.04, the oldest the plugin supports), so
# CI can build the example and the ITs with a PATH clang as well as with the embedded one. Idempotent: does
# nothing when clang-14 is already there. Prints the path of the clang.
set -euo pipefail
if ! command -v clang-14 >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends clang-14 >&2
fi
command -v clang-14
