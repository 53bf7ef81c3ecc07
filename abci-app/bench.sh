#!/usr/bin/env bash
# Runs the ledger benchmark (CheckTx and FinalizeBlock throughput for signed votes).
# Usage: abci-app/bench.sh [voters] [repeats]   (build first: ./mvnw -B -o -pl abci-app install -DskipTests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -q -o -pl abci-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="abci-app/target/classes:abci-app/target/test-classes:$(cat abci-app/target/bench.classpath)"
exec java -Xmx1g -cp "$cp" org.larco.abci.bench.LedgerBenchmark "$@"
