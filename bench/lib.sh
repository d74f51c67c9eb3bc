#!/usr/bin/env bash
# Setup shared by the bench/*.sh scripts (sourced, not run): logging, a JDK 22+, libbpf's headers for the C
# baselines, and the JMH jar. Each script sets ROOT and OUT first.

log() { printf '%s\n' "$*" >&2; }

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }

# Sets JAVA to $JAVA_HOME's java or the newest JDK 22+ under /usr/lib/jvm.
find_java() {
	JAVA=""
	for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java; do
		if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 22 ] 2>/dev/null; then
			JAVA="$candidate"
			break
		fi
	done
	[ -n "$JAVA" ] || { log "no JDK 22+ found (set JAVA_HOME or install one under /usr/lib/jvm)"; exit 1; }
}

# Installs libbpf-dev (as root, with apt) when the header $1 (e.g. bpf/libbpf.h) is missing.
need_libbpf_headers() {
	if ! echo "#include <$1>" | gcc -E -x c - >/dev/null 2>&1; then
		log "libbpf headers missing: installing libbpf-dev ..."
		apt-get update -qq && apt-get install -y -qq libbpf-dev >/dev/null
	fi
}

# Builds benchmarks/target/benchmarks.jar and sets JAR.
build_benchmarks_jar() {
	log "building benchmarks.jar ..."
	"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl benchmarks -am package -DskipTests >"$OUT/build.log" 2>&1 \
		|| { cat "$OUT/build.log" >&2; exit 1; }
	JAR="$ROOT/benchmarks/target/benchmarks.jar"
}
