#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: OpenLDAP slapd and its
# client tools, xmlsec1 (independent signature checks), Chromium (browser tests) and
# openssl (test CA). Idempotent: it only calls apt-get when something is missing.
set -euo pipefail
need=()
command -v slapd >/dev/null 2>&1 || [ -x /usr/sbin/slapd ] || need+=(slapd)
command -v ldapsearch >/dev/null 2>&1 || need+=(ldap-utils)
command -v xmlsec1 >/dev/null 2>&1 || need+=(xmlsec1)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# slapd's postinst would otherwise ask for an admin password and create a database we do
# not use: our test scripts run their own slapd with their own config folder.
echo "slapd slapd/no_configuration boolean true" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The packaged slapd starts a system instance; ours run on their own ports, so stop it.
$SUDO service slapd stop >/dev/null 2>&1 || true
