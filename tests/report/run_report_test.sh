#!/usr/bin/env bash
# Browser test of report.html: builds the release binary, runs
# `svtext analyze --report` on corpus/ and on a 2,000-document folder of
# Riksdag interpellations (from ../shared; skipped with a message where it is
# missing), checks that `svtext report` rebuilds a byte-identical page, then
# opens each report in headless Chromium (tests/report/browser_test.mjs):
# no console errors, no network, every chart has drawn marks, the documents
# table sorts and filters, a row opens its text. Screenshots of each section
# go to target/report-test/screenshots/.
#
# usage: bash tests/report/run_report_test.sh [--full] [--docs]
#   --full  also the whole 15,668-document corpus, with its size (< 5 MB) and
#           load time (< 2 s) checked; needs about 1.5 GB in $TMPDIR.
#   --docs  write small copies of the screenshots (of the largest report
#           tested) to docs/report/ for the README.
#
# Installs Debian's chromium with apt-get if /usr/bin/chromium is missing,
# and playwright-core (only the driver, no browser download) with npm into
# target/report-test/node.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/target/report-test
SHOTS=$WORK/screenshots
FULL=0
DOCS=0
for arg in "$@"; do
    case $arg in
    --full) FULL=1 ;;
    --docs) DOCS=1 ;;
    *) echo "usage: $0 [--full] [--docs]" >&2; exit 2 ;;
    esac
done
PLAYWRIGHT_VERSION=1.65.1

if [ ! -x /usr/bin/chromium ]; then
    echo "report test: installing chromium (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "report test: installing nodejs and npm (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
mkdir -p "$WORK/node"
if [ ! -f "$WORK/node/node_modules/playwright-core/package.json" ]; then
    (cd "$WORK/node" && echo '{"private": true}' >package.json &&
        npm install --silent --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION")
fi

cargo build --release --quiet
BIN=$ROOT/target/release/svtext
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# analyze --report; exit 1 (some inputs failed) still writes the report
analyze() {
    local status=0
    "$BIN" "$@" --quiet --full --report || status=$?
    if [ "$status" -gt 1 ]; then
        echo "report test: svtext $* exited $status" >&2
        exit 1
    fi
}

reports=()
rm -rf "$WORK/sample"
analyze corpus --out "$WORK/sample"
reports+=("sample=$WORK/sample/report.html")

BENCH=../shared/data/bench/riksdagen-interpellationer.jsonl.gz
MAKE=../shared/peers/make_bench_folder.py
if [ -f "$BENCH" ] && [ -f "$MAKE" ]; then
    python3 "$MAKE" "$TMP/in2000" --n 2000 --jsonl >/dev/null
    analyze "$TMP/in2000" --out "$TMP/out2000"
    reports+=("bench2000=$TMP/out2000/report.html")
    if [ "$FULL" = 1 ]; then
        python3 "$MAKE" "$TMP/infull" --jsonl >/dev/null
        analyze "$TMP/infull" --out "$TMP/outfull"
        reports+=("full=$TMP/outfull/report.html")
    fi
else
    echo "report test: $BENCH is missing (no ../shared beside the checkout); skipping the 2,000-document report"
fi

# the same folder gives the same bytes
cp "$WORK/sample/report.html" "$TMP/before.html"
"$BIN" report "$WORK/sample" --quiet
cmp "$TMP/before.html" "$WORK/sample/report.html"
echo "report test: svtext report rebuilt a byte-identical report.html"

if [ "$DOCS" = 1 ]; then
    last=${reports[${#reports[@]}-1]}
    export DOC_SHOTS=$ROOT/docs/report DOC_SOURCE=${last%%=*}
    if ! command -v pngquant >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pngquant >/dev/null
    fi
fi
NODE_PATH=$WORK/node/node_modules node tests/report/browser_test.mjs "$SHOTS" "${reports[@]}"

if [ "$DOCS" = 1 ]; then
    # 256 colours: a third of the bytes, and the text stays sharp
    pngquant --force --ext .png --quality 70-95 --speed 1 "$DOC_SHOTS"/*.png
    echo "report test: screenshots for the README in docs/report/"
fi

if [ "$FULL" = 1 ] && [ -f "$TMP/outfull/report.html" ]; then
    # report  bytes  load_ms  wall_ms
    python3 - "$SHOTS/timings.txt" <<'EOF'
import sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()[1:]]
for name, size, load, wall in rows:
    if name == "full":
        ok = int(size) < 5_000_000 and int(load) < 2000
        print(f"full corpus: report.html {int(size) / 1e6:.2f} MB, load event at {load} ms"
              f" ({'within' if ok else 'OVER'} the 5 MB / 2 s budget)")
        sys.exit(0 if ok else 1)
EOF
fi
