#!/usr/bin/env bash
# Checks the deployment files with the real tools: promtool (config, rules, rule tests), nginx -t, and
# systemd-analyze verify. Run by .ci/run as root on Debian 12; installs nginx and prometheus when missing.
# One line per check; exits non-zero if any check fails.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

pass() { printf 'PASS %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; sed 's/^/     /' "$work/out" >&2; failures=$((failures + 1)); }
skip() { printf 'SKIP %s\n' "$1"; }
run() { # run <name> <command...>: PASS/FAIL on the exit code, output shown only on failure
    local name="$1"; shift
    if "$@" >"$work/out" 2>&1; then pass "$name"; else fail "$name"; fi
}

install_missing() {
    local missing=()
    command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    command -v openssl >/dev/null 2>&1 || missing+=(openssl)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        printf 'FAIL install %s (need root and apt-get)\n' "${missing[*]}"
        failures=$((failures + 1))
        return 1
    fi
    # policy-rc.d 101: install the packages without starting their daemons on the CI machine.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created_policy=1; fi
    if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$work/out" 2>&1; then
        pass "install ${missing[*]}"
    else
        fail "install ${missing[*]}"
    fi
    [ "$created_policy" -eq 1 ] && rm -f "$policy"
}

check_prometheus() {
    if ! command -v promtool >/dev/null 2>&1; then skip "promtool (not installed)"; return; fi
    # promtool insists the credentials file exists: point a copy at a throwaway token.
    mkdir -p "$work/prometheus"
    printf 'ci-token-0123456789abcdef\n' >"$work/prometheus/metrics_token"
    sed "s#/run/secrets/metrics_token#$work/prometheus/metrics_token#" "$root/deploy/prometheus/prometheus.yml" >"$work/prometheus/prometheus.yml"
    cp "$root/deploy/prometheus/alerts.yml" "$root/deploy/prometheus/alerts.test.yml" "$work/prometheus/"
    run "promtool check config deploy/prometheus/prometheus.yml" promtool check config "$work/prometheus/prometheus.yml"
    run "promtool check rules deploy/prometheus/alerts.yml" promtool check rules "$root/deploy/prometheus/alerts.yml"
    run "promtool test rules deploy/prometheus/alerts.test.yml" bash -c "cd '$work/prometheus' && promtool test rules alerts.test.yml"
}

check_nginx() {
    local nginx_bin
    nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
    if [ ! -x "$nginx_bin" ]; then skip "nginx -t (nginx not installed)"; return; fi
    mkdir -p "$work/nginx/certs" "$work/nginx/logs"
    if ! openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=reportlens.test" \
        -keyout "$work/nginx/certs/privkey.pem" -out "$work/nginx/certs/fullchain.pem" >"$work/out" 2>&1; then
        fail "openssl test certificate"; return
    fi
    # nginx -t resolves upstream host names: "reportlens" only exists on the compose network, so the copy
    # under test points it at 127.0.0.1 (the address the non-Docker setup uses). Paths go to the temp dir.
    sed -e "s#server reportlens:8080;#server 127.0.0.1:8080;#" \
        -e "s#/etc/nginx/certs/#$work/nginx/certs/#g" \
        -e "s#/var/log/nginx/#$work/nginx/logs/#g" \
        -e "s#^pid .*#pid $work/nginx/nginx.pid;#" \
        "$root/deploy/nginx/nginx.conf" >"$work/nginx/nginx.conf"
    if grep -q 'reportlens:8080' "$work/nginx/nginx.conf"; then
        echo "upstream rewrite did not apply" >"$work/out"; fail "nginx -t deploy/nginx/nginx.conf"; return
    fi
    run "nginx -t deploy/nginx/nginx.conf (upstream mapped to 127.0.0.1, self-signed cert)" \
        "$nginx_bin" -t -q -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log"
}

check_nginx_headers() {
    # ReportLens sends its security headers itself; nginx repeating them would send two (possibly contradicting)
    # values, as an X-Frame-Options SAMEORIGIN in nginx would against the app's DENY.
    local dup
    dup=$(grep -Eio 'add_header +(Strict-Transport-Security|X-Frame-Options|Content-Security-Policy|X-Content-Type-Options|Referrer-Policy|Permissions-Policy)' \
        "$root/deploy/nginx/nginx.conf" || true)
    if [ -z "$dup" ]; then pass "nginx.conf leaves the app's security headers to the app"; else echo "$dup" >"$work/out"; fail "nginx.conf repeats the app's security headers"; fi
}

check_systemd() {
    if ! command -v systemd-analyze >/dev/null 2>&1; then skip "systemd-analyze verify (not installed)"; return; fi
    # verify wants ExecStart's binary and the User to exist; the CI machine has neither, so a copy swaps the
    # binary for /bin/true and the user for root. Everything else (directives, hardening options) is checked as is.
    mkdir -p "$work/systemd"
    for unit in deploy/systemd/reportlens.service deploy/backup/reportlens-backup.service deploy/backup/reportlens-backup.timer; do
        sed -e 's#^ExecStart=.*#ExecStart=/bin/true#' -e 's#^User=.*#User=root#' -e 's#^Group=.*#Group=root#' \
            -e 's#^EnvironmentFile=#EnvironmentFile=-#' \
            "$root/$unit" >"$work/systemd/$(basename "$unit")"
    done
    for unit in reportlens.service reportlens-backup.service reportlens-backup.timer; do
        if SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work/systemd/$unit" >"$work/out" 2>&1 \
            && ! grep -Ei 'unknown|invalid|failed|not valid|ignoring' "$work/out" >/dev/null; then
            pass "systemd-analyze verify $unit"
        else
            fail "systemd-analyze verify $unit"
        fi
    done
}

check_shell() {
    run "sh -n deploy/backup/reportlens-backup.sh" sh -n "$root/deploy/backup/reportlens-backup.sh"
}

install_missing
check_prometheus
check_nginx
check_nginx_headers
check_systemd
check_shell

if [ "$failures" -ne 0 ]; then
    printf 'check-deploy: %d check(s) failed\n' "$failures"
    exit 1
fi
echo "check-deploy: all checks passed"
