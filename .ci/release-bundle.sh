#!/usr/bin/env bash
# Builds a release bundle the way it would go to Maven Central and checks it against Central's rules:
# a release version (not -SNAPSHOT), every pom with name, description, url, licence, developers and SCM (its own
# or its parent's), a sources and a javadoc jar beside every jar, .md5 and .sha1 checksums that match, and .asc
# signatures that verify. Signing needs a key: this script makes a throwaway one (never published, deleted at the
# end), which proves the signing step works; a real release signs with the project's key (-Psign).
# Works on a copy of the committed tree, so the checkout is not touched. Usage: .ci/release-bundle.sh [version]
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${1:-0.1.0}"
WORK="$(mktemp -d /tmp/ebpfj-release.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
git archive HEAD | tar -x -C "$WORK"
cp -r .mvn "$WORK/" 2>/dev/null || true
cd "$WORK"

export GNUPGHOME="$WORK/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'ebpfj throwaway release-check key <release-check@invalid>' \
    ed25519 sign 1d 2>/dev/null
KEY="$(gpg --batch --list-keys --with-colons | awk -F: '/^fpr:/ {print $10; exit}')"

MODULES=.,bpf-object,bpf-vm,bpf-maven-plugin,bpf-kernel,bpf-test-harness,bpf-archetype
./mvnw -B -q org.codehaus.mojo:versions-maven-plugin:2.18.0:set -DnewVersion="$VERSION" \
    -DgenerateBackupPoms=false -DprocessAllModules=true
# -Dmaven.install.skip: a deploy runs the install phase first; the shared local repository must not get these.
./mvnw -B -q -pl "$MODULES" deploy -DskipTests -Dmaven.install.skip=true -Psign -Dgpg.keyname="$KEY" \
    -DaltDeploymentRepository="staging::file://$WORK/staging"

STAGING="$WORK/staging"
fail=0
problem() { echo "release-bundle: $*" >&2; fail=1; }
artifacts=0
while IFS= read -r pom; do
    artifacts=$((artifacts + 1))
    dir="$(dirname "$pom")"; base="${pom%.pom}"
    case "$base" in *SNAPSHOT*) problem "$pom: a SNAPSHOT cannot be released";; esac
    effective="$(cat "$pom")"
    parent_pom="$(find "$STAGING/org/ebpfj/ebpfj-parent" -name '*.pom' | head -1)"
    for element in name description; do
        grep -q "<$element>" "$pom" || problem "$pom: no <$element>"
    done
    for element in url licenses developers scm; do
        grep -q "<$element>" "$pom" || grep -q "<$element>" "$parent_pom" || problem "$pom: no <$element> (nor in the parent)"
    done
    packaging="$(sed -n 's:.*<packaging>\(.*\)</packaging>.*:\1:p' "$pom" | head -1)"
    if [ "${packaging:-jar}" != pom ]; then
        for classifier in "" -sources -javadoc; do
            [ -f "$base$classifier.jar" ] || problem "missing $(basename "$base$classifier.jar")"
        done
    fi
    for file in "$dir"/*; do
        case "$file" in *.md5|*.sha1|*.asc|*.sha256|*.sha512|*/maven-metadata*) continue;; esac
        [ -f "$file.md5" ] && [ "$(cat "$file.md5")" = "$(md5sum < "$file" | cut -d' ' -f1)" ] \
            || problem "$(basename "$file"): no matching .md5"
        [ -f "$file.sha1" ] && [ "$(cat "$file.sha1")" = "$(sha1sum < "$file" | cut -d' ' -f1)" ] \
            || problem "$(basename "$file"): no matching .sha1"
        gpg --batch --quiet --verify "$file.asc" "$file" 2>/dev/null || problem "$(basename "$file"): no valid .asc"
    done
    : "$effective"
done < <(find "$STAGING" -name '*.pom' | sort)
[ "$artifacts" -ge 7 ] || problem "expected 7 artifacts (parent, bpf-object, bpf-vm, bpf-maven-plugin, bpf-kernel, bpf-test-harness, bpf-archetype), found $artifacts"
echo "release-bundle: $artifacts artifacts in $STAGING:"
(cd "$STAGING" && find . -type f ! -name '*.md5' ! -name '*.sha1' ! -name '*.asc' ! -name 'maven-metadata*' | sort | sed 's/^/  /')
[ "$fail" = 0 ] && echo "release-bundle: passes Maven Central's rules (signed with a throwaway key)"
exit "$fail"
