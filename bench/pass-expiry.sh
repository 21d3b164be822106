#!/usr/bin/env bash
# Benchmark: N passes expiring the same day, expired by training-pass-service's real job against a real
# PostgreSQL, with the test JVM's heap capped to show that memory stays bounded whatever N is.
# Usage: bench/pass-expiry.sh [passes, default 1000000] [heap, default 256m]
# Result: bench/results/pass-expiry.txt
set -euo pipefail
cd "$(dirname "$0")/.."
passes="${1:-1000000}"
heap="${2:-256m}"
JAVA_HOME="$(scripts/java-home)"
export JAVA_HOME
./mvnw -B -q install -DskipTests -pl training-pass-service -am
./mvnw -B -q test -pl training-pass-service -Dtest=PassExpiryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.passes="$passes" -Dbench.out="$PWD/bench/results/pass-expiry.txt" -Dsurefire.extraArgs="-Xmx$heap"
cat bench/results/pass-expiry.txt
