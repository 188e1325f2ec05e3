#!/usr/bin/env bash
# logframe against DuckDB on the synthetic portfolio ledger (issue 13).
#
#   bench/vs-duckdb.sh [SIZES...]     sizes are indicator counts: 100 = 0.9 M rows, 400 = 3.6 M rows
#   RUNS=3 (runs per figure), LOGFRAME_BIN=path (a binary to measure instead of this tree's release build)
#
# Generates each size with ../shared/bench/gen_portfolio.py into a temporary
# folder (deleted at the end), builds the release binary, and prints, best of
# 3 (wall time; peak RSS of that run), `logframe check`, `logframe status big
# --format csv`, `compare --format csv`, `report --format md` (into a new
# folder, then again into the same folder), DuckDB's
# reference query (../shared/bench/duckdb_ref.py) and the ratio status/DuckDB,
# then the time of `logframe record` into the framework. DuckDB is skipped
# when python3 or its duckdb module is missing. Not a test: nothing fails on
# a slow machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared/bench"
if [ ! -f "$shared/gen_portfolio.py" ]; then
    echo "no ../shared/bench/gen_portfolio.py beside the repository: nothing to measure"
    exit 0
fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 400)
runs=${RUNS:-3}
have_py=0; have_duck=0
if command -v python3 >/dev/null; then
    have_py=1
    python3 -c 'import duckdb' 2>/dev/null && have_duck=1
fi
if [ $have_py -eq 0 ]; then
    echo "python3 is missing: cannot generate the benchmark data"
    exit 0
fi
[ $have_duck -eq 0 ] && echo "(duckdb python module missing: DuckDB column skipped; pip install duckdb)"

# LOGFRAME_BIN=path measures another build (e.g. an older commit's) instead.
if [ -n "${LOGFRAME_BIN:-}" ]; then
    bin=$LOGFRAME_BIN
else
    (cd "$root" && cargo build --release --quiet)
    bin="$root/target/release/logframe"
fi
work=$(mktemp -d /tmp/perf-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# best of N: prints "seconds peak_kb" of the fastest run of "$@"
best() {
    local best_t="" best_m=""
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
        local t m
        read -r t m < <(tail -1 "$work/time")
        if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; best_m=$m; fi
    done
    echo "$best_t $best_m"
}

printf '%-6s %-9s %-26s %9s %9s\n' rows size command seconds peak_MB
for n in "${sizes[@]}"; do
    d="$work/p$n"
    python3 "$shared/gen_portfolio.py" "$d" --indicators "$n" --months 60 --countries 50
    fw="$d/fw/big"
    mkdir -p "$fw/measurements"
    cp "$d/frameworks/big.yaml" "$fw/logframe.yaml"
    mv "$d/measurements/big/data.csv" "$fw/measurements/ledger.csv"
    csv="$fw/measurements/ledger.csv"
    rows=$(( $(wc -l < "$csv") - 1 ))
    label="$(awk "BEGIN{printf \"%.1fM\", $rows/1e6}")"
    mb="$(du -m "$csv" | cut -f1)MB"
    row() { printf '%-6s %-9s %-26s %9s %9.0f\n' "$label" "$mb" "$1" "$2" "$(awk "BEGIN{print $3/1024}")"; }
    read -r t m < <(best "$bin" check "$fw"); row check "$t" "$m"
    read -r ts m < <(best "$bin" status "$fw" --format csv); row "status --format csv" "$ts" "$m"
    read -r t m < <(best "$bin" compare "$fw" --format csv); row "compare --format csv" "$t" "$m"
    # Into a new folder each run (every chart written), then again into the
    # same folder (charts that hold their bytes already are left as they are).
    read -r t m < <(best sh -c 'exec "$1" report "$2" --period 2024-12 --format md --out "$(mktemp -d -p "$3")"' _ "$bin" "$fw" "$work")
    row "report --format md" "$t" "$m"
    read -r t m < <(best "$bin" report "$fw" --period 2024-12 --format md --out "$work/reports"); row "report again, same folder" "$t" "$m"
    if [ $have_duck -eq 1 ]; then
        read -r td m < <(best python3 "$shared/duckdb_ref.py" "$csv" duckdb "$work/duck.csv"); row "duckdb_ref.py" "$td" "$m"
        printf '%-6s %-9s %-26s %9s\n' "$label" "$mb" "ratio status/duckdb" "$(awk "BEGIN{printf \"%.2f\", $ts/$td}")"
    fi
    # record: the first write may rewrite the file once (its header is not
    # the canonical one); then each record is an append.
    rec() { LOGFRAME_USER=bench "$bin" record "$fw" 1.1 --period 2024-12 --value "$1" --dim sex=female --dim country=AF; }
    rec 1 >/dev/null
    bt=""; bm=""
    for v in 2 3 4; do
        LOGFRAME_USER=bench /usr/bin/time -f '%e %M' -o "$work/time" \
            "$bin" record "$fw" 1.1 --period 2024-12 --value "$v" --dim sex=female --dim country=AF >/dev/null 2>&1
        read -r t m < <(tail -1 "$work/time")
        if [ -z "$bt" ] || awk "BEGIN{exit !($t < $bt)}"; then bt=$t; bm=$m; fi
    done
    row "record (one value)" "$bt" "$bm"
    rm -rf "$d"
done
