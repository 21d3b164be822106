#!/usr/bin/env bash
# Benchmark: N programs (default 100,000) in the catalog, then the real search (full text, filters, pass
# filter) against a real PostgreSQL; latency percentiles per kind of query.
# Usage: bench/catalog-search.sh [programs, default 100000] [heap, default 512m]
# Result: bench/results/catalog-search.txt
set -euo pipefail
cd "$(dirname "$0")/.."
programs="${1:-100000}"
heap="${2:-512m}"
JAVA_HOME="$(scripts/java-home)"
export JAVA_HOME
./mvnw -B -q install -DskipTests -pl catalog-service -am
./mvnw -B -q test -pl catalog-service -Dtest=CatalogSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.programs="$programs" -Dbench.out="$PWD/bench/results/catalog-search.txt" -Dsurefire.extraArgs="-Xmx$heap"
cat bench/results/catalog-search.txt

