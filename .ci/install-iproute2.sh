#!/usr/bin/env bash
# Installs iproute2's `ip`, with which the attach tests' PrivateNetwork makes network namespaces and a veth pair
# (XDP and TC are proven on packets sent through it). Idempotent: does nothing when `ip` is there.
set -euo pipefail
if ! command -v ip >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends iproute2 >&2
fi
command -v ip
