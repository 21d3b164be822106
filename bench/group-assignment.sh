#!/usr/bin/env bash
# Benchmark: a learning plan assigned to a group of N people (default 100,000) by learning-plan-service,
# against a real PostgreSQL, with the heap capped; time and peak heap.
# Usage: bench/group-assignment.sh [members, default 100000] [heap, default 256m]
# Result: bench/results/group-assignment.txt
set -euo pipefail
cd "$(dirname "$0")/.."
members="${1:-100000}"
heap="${2:-256m}"
JAVA_HOME="$(scripts/java-home)"
export JAVA_HOME
./mvnw -B -q install -DskipTests -pl learning-plan-service -am
./mvnw -B -q test -pl learning-plan-service -Dtest=GroupAssignmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.members="$members" -Dbench.out="$PWD/bench/results/group-assignment.txt" -Dsurefire.extraArgs="-Xmx$heap"
cat bench/results/group-assignment.txt

