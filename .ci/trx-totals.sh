#!/usr/bin/env bash
# Sums the <Counters> of every .trx file under a folder and prints "N passed, N failed" (", N skipped" when some were).
# Exits 2 when there is no .trx file or one of them has no <Counters>.
set -euo pipefail

results_dir=${1:?usage: trx-totals.sh RESULTS_DIR}

mapfile -t trx_files < <(find "$results_dir" -type f -name "*.trx" 2>/dev/null | sort)
if (( ${#trx_files[@]} == 0 )); then
  echo "no .trx file under $results_dir" >&2
  exit 2
fi

# RS="<" makes each XML tag a record, so attributes may span lines; failures include error, timeout and aborted outcomes.
awk -v expected_files="${#trx_files[@]}" '
  BEGIN { RS = "<" }
  /^Counters[ \t\r\n]/ {
    rest = $0
    while (match(rest, /[A-Za-z]+="[0-9]+"/)) {
      split(substr(rest, RSTART, RLENGTH), pair, "=")
      gsub(/"/, "", pair[2])
      sum[pair[1]] += pair[2]
      rest = substr(rest, RSTART + RLENGTH)
    }
    counted[FILENAME] = 1
  }
  END {
    files = 0
    for (name in counted) files++
    if (files != expected_files) {
      printf "only %d of %d .trx files have <Counters>\n", files, expected_files > "/dev/stderr"
      exit 2
    }
    failed = sum["failed"] + sum["error"] + sum["timeout"] + sum["aborted"]
    line = sprintf("%d passed, %d failed", sum["passed"], failed)
    if (sum["notExecuted"] > 0) line = line sprintf(", %d skipped", sum["notExecuted"])
    print line
  }
' "${trx_files[@]}"
