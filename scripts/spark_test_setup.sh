#!/usr/bin/env bash
# Install pyspark (from PyPI; it bundles Spark) and pyarrow (the test reads
# the job's Parquet tables with it) into .venv-spark/ at the repo
# root (or into $SVTEXT_SPARK_VENV, an absolute path, to share one venv
# across clones), once. Idempotent: does nothing when the venv already
# imports pyspark. Spark 4 needs Java 17 or 21 on the machine (Spark 3.5
# also 8/11); this script does not install Java.
# Usage: scripts/spark_test_setup.sh   (prints the venv's python path last)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${SVTEXT_SPARK_VENV:-.venv-spark}"
PYSPARK_SPEC="${PYSPARK_SPEC:-pyspark>=3.5,<5}"
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import pyspark, pyarrow' 2>/dev/null; then
    echo "pyspark already installed in $VENV ($("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)'))" >&2
else
    python3 -m venv "$VENV" >&2
    "$VENV/bin/pip" install --quiet "$PYSPARK_SPEC" pyarrow >&2
    echo "installed pyspark $("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)') into $VENV" >&2
fi
if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
    echo "warning: no java on PATH and JAVA_HOME unset; Spark needs Java 17" >&2
fi
case "$VENV" in /*) echo "$VENV/bin/python" ;; *) echo "$PWD/$VENV/bin/python" ;; esac
