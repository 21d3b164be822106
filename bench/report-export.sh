#!/usr/bin/env bash
# Benchmark: the Learning Plan Status Highlights report of N rows (default 1,000,000) exported as CSV by
# reporting-service, against a real PostgreSQL, with the heap capped; time, size and peak heap.
# Usage: bench/report-export.sh [rows, default 1000000] [heap, default 256m]
# Result: bench/results/report-export.txt
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
heap="${2:-256m}"
JAVA_HOME="$(scripts/java-home)"
export JAVA_HOME
./mvnw -B -q install -DskipTests -pl reporting-service -am
./mvnw -B -q test -pl reporting-service -Dtest=ReportExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rows="$rows" -Dbench.out="$PWD/bench/results/report-export.txt" -Dsurefire.extraArgs="-Xmx$heap"
cat bench/results/report-export.txt
