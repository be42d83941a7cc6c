#!/usr/bin/env bash
# CPU seconds spent by each part of the system while a command runs (issue 11: "the CPU split
# between PostgreSQL, the object store and the portal"). Reads utime+stime of every process from
# /proc before and after; processes that start and end in between (short PostgreSQL backends)
# are missed, pooled connections are not.
#   bench/cpu-split.sh mvn -f bench/pom.xml gatling:test -Dportal.url=...
# With CPU_SPLIT_MATCH=TEXT only Java processes whose command line contains TEXT (e.g. the data
# folder) count as portal, object store or workers; others sharing the machine count as "other".
set -euo pipefail

snapshot() {
  local tick; tick=$(getconf CLK_TCK)
  for stat in /proc/[0-9]*/stat; do
    local pid=${stat#/proc/}; pid=${pid%/stat}
    local cmd; cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-100000) || continue
    # Fields 14 and 15 of stat (after the command name in parentheses) are utime and stime.
    local rest; rest=$(sed 's/^.*) //' "$stat" 2>/dev/null) || continue
    local utime stime; read -r _ _ _ _ _ _ _ _ _ _ _ utime stime _ <<< "$rest"
    local group=other
    case "$cmd" in
      # Workers first: their class path names the portal's (payara-micro) folder too.
      *InspectionWorker*) group=portal-prereview-workers ;;
      *payara-micro*) group=portal ;;
      *s3-embedded*|*S3Proxy*|*s3proxy*|*radosgw*|*minio*) group=object-store ;;
      postgres*|*/postgres\ *) group=postgresql ;;
      *haproxy*) group=haproxy ;;
      *gatling*|*plexus-classworlds*) group=load-driver ;;
      *tesseract*) group=portal-prereview-workers ;;
    esac
    if [ -n "${CPU_SPLIT_MATCH:-}" ] && [[ "$cmd" == *java* ]] && [[ "$cmd" != *"$CPU_SPLIT_MATCH"* ]] \
        && [ "$group" != load-driver ]; then
      group=other
    fi
    echo "$pid $group $(( (utime + stime) * 100 / tick ))"
  done
}

before=$(mktemp); after=$(mktemp)
snapshot > "$before"
start=$(date +%s)
"$@" || status=$?
end=$(date +%s)
snapshot > "$after"

echo
echo "CPU by part over $((end - start)) s (centiseconds summed over processes alive at both ends or started since):"
awk 'NR==FNR { was[$1] = $3; next }
     { used = $3 - (($1 in was) ? was[$1] : 0); cpu[$2] += used; total += used }
     END { for (g in cpu) printf "  %-26s %8.1f s  %5.1f %%\n", g, cpu[g] / 100, total ? 100 * cpu[g] / total : 0 }' \
  "$before" "$after" | sort -k2 -n -r
rm -f "$before" "$after"
exit "${status:-0}"
