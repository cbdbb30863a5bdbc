#!/usr/bin/env bash
# Prints, once a second for the given number of seconds, how many cores the app, Elasticsearch and MariaDB used
# (user + system time from /proc), and the totals at the end. Run it beside a benchmark step to see who takes the
# machine's CPU, e.g. while `HTX_BENCH_ONLY=reindex scripts/bench.sh 100000` loads (docs/performance.md, profile 4).
# Usage: scripts/cpu-share.sh SECONDS [APP_PATTERN]   (APP_PATTERN: pgrep -f pattern of the app; default bench/app.jar)
set -euo pipefail
seconds="${1:?seconds}"
app_pattern="${2:-bench/app.jar}"
ticks=$(getconf CLK_TCK)
pid_of() { pgrep -f "^[^ ]*java .*$1" | head -1 || true; }
cpu_of() { # utime + stime of a process, in clock ticks; 0 when it is gone
    [[ -n "$1" && -r "/proc/$1/stat" ]] || { echo 0; return; }
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}
app=$(pid_of "$app_pattern"); es=$(pid_of "org.elasticsearch.bootstrap.Elasticsearch")
db=$( { pgrep -x mariadbd || pgrep -x mysqld || true; } | head -1)
echo "app pid ${app:-none}, elasticsearch pid ${es:-none}, mariadb pid ${db:-none}; cores used per second:"
printf '%8s %8s %14s %8s\n' second app elasticsearch mariadb
a0=$(cpu_of "$app"); e0=$(cpu_of "$es"); d0=$(cpu_of "$db")
first_a=$a0; first_e=$e0; first_d=$d0
for ((s = 1; s <= seconds; s++)); do
    sleep 1
    a1=$(cpu_of "$app"); e1=$(cpu_of "$es"); d1=$(cpu_of "$db")
    # A process that ended keeps its last reading (cpu_of says 0 for it), so no negative cores.
    ((a1 < a0)) && a1=$a0; ((e1 < e0)) && e1=$e0; ((d1 < d0)) && d1=$d0
    awk -v s="$s" -v a=$((a1 - a0)) -v e=$((e1 - e0)) -v d=$((d1 - d0)) -v t="$ticks" \
        'BEGIN { printf "%8d %8.2f %14.2f %8.2f\n", s, a / t, e / t, d / t }'
    a0=$a1; e0=$e1; d0=$d1
done
awk -v a=$((a0 - first_a)) -v e=$((e0 - first_e)) -v d=$((d0 - first_d)) -v t="$ticks" -v n="$seconds" \
    'BEGIN { printf "mean over %d s: app %.2f, elasticsearch %.2f, mariadb %.2f cores; CPU seconds: app %.1f, elasticsearch %.1f, mariadb %.1f\n", n, a / t / n, e / t / n, d / t / n, a / t, e / t, d / t }'
