#!/usr/bin/env bash
# The Spark integration test (issue 9): installs pyspark into .venv-spark/
# (once), builds the release binary, runs tests/spark/test_spark.py with
# Spark local[2]. Needs Java 17 and ../shared/data (skips without it).
# Prints "spark: N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v java >/dev/null 2>&1; then
    echo "spark: java not found (Spark needs Java 17)" >&2
    exit 1
fi
PY="$(scripts/spark_test_setup.sh)"
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release/svtext"
exec "$PY" tests/spark/test_spark.py --binary "$BIN"
