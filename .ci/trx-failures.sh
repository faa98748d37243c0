#!/usr/bin/env bash
# Prints each failed test of every .trx file under a folder: its name, then the first lines of its message.
set -euo pipefail

results_dir=${1:?usage: trx-failures.sh RESULTS_DIR}

find "$results_dir" -type f -name "*.trx" -print0 2>/dev/null | sort -z | xargs -0 -r awk '
  BEGIN { RS = "<" }
  /^UnitTestResult[ \t\r\n]/ {
    failing = ($0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/)
    if (failing && match($0, /testName="[^"]*"/)) {
      print "failed test: " substr($0, RSTART + 10, RLENGTH - 11)
      shown = 0
    }
  }
  /^Message>/ && failing && shown == 0 {
    text = substr($0, 9)
    gsub(/&quot;/, "\"", text); gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text); gsub(/&amp;/, "\\&", text)
    n = split(text, lines, "\n")
    for (i = 1; i <= n && i <= 6; i++) print "    " lines[i]
    shown = 1
  }
'
