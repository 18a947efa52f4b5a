# shellcheck shell=bash
# What every benchmark script shares: one result line per SPEC §10 figure, which bin/bench collects into its table.
#
#   result FIGURE TARGET MEASURED REFERENCE RATIO MET
#
# FIGURE names the figure ("consent check throughput"), TARGET says the target in words ("≥ 0.8 × bare"),
# MEASURED and REFERENCE are what was measured and what was measured beside it in the same run ('-' when no
# reference fits), RATIO measured/reference ('-' when none) and MET is yes or no. The line is tab-separated and
# starts with BENCH, so a script stays readable alone and bin/bench can pick the lines out of its output.

result() {
  printf 'BENCH\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@"
}

# yes when the awk expression over a and b holds: met "$ratio" 0.8 'a >= b'
met() {
  awk -v a="$1" -v b="$2" "BEGIN { exit !($3) }" && echo yes || echo no
}

# a ratio with three decimals; '-' when the reference is missing or zero
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.3f", a / b }'
}
