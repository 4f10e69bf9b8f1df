#!/usr/bin/env bash
# Makes sure what the tests need answers on this machine: PostgreSQL on 127.0.0.1:5432,
# NATS with JetStream on 127.0.0.1:4222 and Debian's Chromium. Starts them if stopped,
# installs them with apt if missing. Skips what DATABASE_URL / NATS_URL point elsewhere.
set -euo pipefail

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() {
  for _ in $(seq 1 60); do answers "$1" && return 0; sleep 0.5; done
  echo "ensure-services: nothing answers on port $1" >&2
  return 1
}
apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
sudo_cmd() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${DATABASE_URL:-}" ] && ! answers 5432; then
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "ensure-services: installing PostgreSQL"
    sudo_cmd bash -c "$(declare -f apt_install); apt_install postgresql"
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if [ -z "$version" ] || [ ! -d "/etc/postgresql/$version/main" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    sudo_cmd pg_createcluster "$version" main
  fi
  # Local trust for the test role, as on the machines CI runs on.
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sudo_cmd sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  # Debian's package starts its cluster on install: then the trust line needs a reload, not a start (which fails).
  if sudo_cmd pg_ctlcluster --skip-systemctl-redirect "$version" main status >/dev/null 2>&1; then
    sudo_cmd pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  else
    sudo_cmd pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  wait_for 5432
fi

if [ -z "${NATS_URL:-}" ] && ! answers 4222; then
  if ! command -v nats-server >/dev/null && [ ! -x /usr/sbin/nats-server ]; then
    echo "ensure-services: installing nats-server"
    sudo_cmd bash -c "$(declare -f apt_install); apt_install nats-server"
  fi
  nats_bin=$(command -v nats-server || echo /usr/sbin/nats-server)
  sudo_cmd mkdir -p /var/lib/nats-server
  sudo_cmd start-stop-daemon --start --oknodo --background --exec "$nats_bin" -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
  wait_for 4222
fi

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "ensure-services: installing chromium"
  sudo_cmd bash -c "$(declare -f apt_install); apt_install chromium"
fi
echo "ensure-services: postgres, nats and chromium are ready"
