#!/usr/bin/env bash
# Makes sure a Redis answers on 127.0.0.1:6379 (this machine kind starts one; a bare Debian
# gets the package and a throwaway instance that keeps nothing on disk).
set -euo pipefail
ping_redis() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null; }
ping_redis && exit 0
if ! command -v redis-server >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
for _ in $(seq 1 50); do ping_redis && exit 0; sleep 0.1; done
echo "Redis did not start on 127.0.0.1:6379" >&2
exit 1
