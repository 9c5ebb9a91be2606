#!/usr/bin/env bash
# The tables test (issue 17): installs pyarrow, polars, duckdb, pandas and
# jsonschema into .venv-tables/ (once; $SVTEXT_TABLES_VENV, an absolute path,
# to share one), builds the release binary, and runs tests/tables/test_tables.py:
# every table read with pyarrow, polars and DuckDB against corpus.jsonl, the
# README's one-line recipes run verbatim, corpus.jsonl checked against
# docs/schema/document.schema.json. Prints "tables: N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${SVTEXT_TABLES_VENV:-.venv-tables}"
PACKAGES=(pyarrow polars duckdb pandas jsonschema)
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import pyarrow, polars, duckdb, pandas, jsonschema' 2>/dev/null; then
    echo "tables: packages already in $VENV" >&2
else
    python3 -m venv "$VENV" >&2
    "$VENV/bin/pip" install --quiet "${PACKAGES[@]}" >&2
fi
"$VENV/bin/python" -c 'import pyarrow, polars, duckdb, pandas, jsonschema; print("tables: pyarrow", pyarrow.__version__, "polars", polars.__version__, "duckdb", duckdb.__version__, "pandas", pandas.__version__)' >&2
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release/svtext"
exec "$VENV/bin/python" tests/tables/test_tables.py --binary "$BIN" "$@"
