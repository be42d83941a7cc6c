#!/usr/bin/env bash
# A throw-away one-node Ceph cluster with a RADOS Gateway, to test S3 object lock for real
# (S3Proxy, the embedded default, has none). Everything lives in DIR: the OSD keeps its objects
# in memory (memstore), so `stop` throws them away and COMPLIANCE-locked test objects with it.
#
#   rgw.sh start DIR   starts mon + osd + radosgw (about 15 s), creates an S3 user, prints the
#                      endpoint and keys and writes them to DIR/rgw.env (shell) and
#                      DIR/rgw.properties (Java)
#   rgw.sh stop DIR    kills the daemons it started (by their pid files in DIR)
#
# Environment: RGW_PORT (7480), RGW_MON_PORT (3300), RGW_ACCESS_KEY, RGW_SECRET_KEY.
# Needs root (the daemons run as the invoking user, and radosgw/ceph-osd want root's limits)
# and the Debian packages ceph-mon ceph-osd radosgw ceph-common. No mgr: nothing here needs it.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
port=${RGW_PORT:-7480}
mon_port=${RGW_MON_PORT:-3300}
access=${RGW_ACCESS_KEY:-wssp-ceph-access}
secret=${RGW_SECRET_KEY:-wssp-ceph-secret-0123456789}
conf=$dir/ceph.conf
daemons=(client.rgw.a osd.0 mon.a)

die() { echo "rgw.sh: $*" >&2; exit 1; }
log() { echo "rgw.sh: $*" >&2; }

pid_of() { # prints the pid of a daemon that is running from this DIR, else nothing
  local f=$dir/run/$1.pid
  [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f" || true
}

stop() {
  for d in "${daemons[@]}"; do
    local pid
    pid=$(pid_of "$d")
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "$d ($pid) did not stop, killing it"; kill -9 "$pid" || true; }
    rm -f "$dir/run/$d.pid"
  done
  log "stopped (state in $dir)"
}

report() {
  cat "$dir/rgw.env"
}

# Fails fast with the last lines of a daemon's log, so a broken start says why.
fail_with_log() {
  local name=$1; shift
  echo "rgw.sh: $*" >&2
  [ -f "$dir/log/$name.log" ] && tail -n 20 "$dir/log/$name.log" >&2
  stop
  exit 1
}

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}

start() {
  [ "$(id -u)" -eq 0 ] || die "must run as root (ceph-osd and radosgw are started as root)"
  local missing=()
  for b in ceph-mon ceph-osd radosgw ceph ceph-authtool monmaptool radosgw-admin uuidgen curl; do
    command -v "$b" >/dev/null || missing+=("$b")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}: apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common uuid-runtime curl"

  if [ -n "$(pid_of client.rgw.a)" ] && [ -f "$dir/rgw.env" ]; then
    log "already running"
    report
    return 0
  fi
  # A half-started or stopped cluster is not reused: memstore lost its objects anyway.
  stop >/dev/null 2>&1
  rm -rf "${dir:?}"/{mon,osd,rgw,run,log,ceph.conf,*.keyring,monmap,osd.json,rgw.env,rgw.properties}
  mkdir -p "$dir"/{mon,osd,rgw,run,log}
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is taken (set RGW_PORT)"; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$mon_port") 2>/dev/null; then die "port $mon_port is taken (set RGW_MON_PORT)"; fi

  local fsid
  fsid=$(uuidgen)
  # Every path in DIR (nothing in /etc/ceph or /var/lib/ceph); pools of one replica on one OSD.
  cat > "$conf" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
public network = 127.0.0.0/8
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = $dir/\$name.keyring
run dir = $dir/run
pid file = $dir/run/\$name.pid
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
log to stderr = false
err to stderr = false
crash dir = $dir/log/crash
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
ms bind ipv6 = false
[mon.a]
mon data = $dir/mon
[osd.0]
osd data = $dir/osd
osd objectstore = memstore
memstore device bytes = 1073741824
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$port
rgw data = $dir/rgw
# SSE-KMS for EncryptionOnCephIT: the "testing" key management of RGW (keys in this file; a
# production gateway uses Vault or KMIP), allowed over plain HTTP on this loopback test only.
rgw crypt s3 kms backend = testing
rgw crypt s3 kms encryption keys = testkey-1=mZh404gTPPaL4kzJAB+BhqTCETp+zTO+A+OUCsA6fO4=
rgw crypt require ssl = false
CONF
  export CEPH_CONF=$conf

  # Keys: mon. for the monitor, client.admin for this script and radosgw-admin.
  ceph-authtool --create-keyring "$dir/mon.a.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool --create-keyring "$dir/client.admin.keyring" --gen-key -n client.admin \
    --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  ceph-authtool "$dir/mon.a.keyring" --import-keyring "$dir/client.admin.keyring" >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/mon.a.keyring" \
    || fail_with_log mon.a "ceph-mon --mkfs failed"
  ceph-mon -i a || fail_with_log mon.a "ceph-mon did not start"
  wait_for 30 "monitor" ceph --connect-timeout 5 mon stat || fail_with_log mon.a "the monitor does not answer"

  # The OSD: registered with a secret of our own, then made and started (memstore: in memory).
  local uuid osd_secret id
  uuid=$(uuidgen)
  osd_secret=$(ceph-authtool --gen-print-key)
  printf '{"cephx_secret": "%s"}\n' "$osd_secret" > "$dir/osd.json"
  id=$(ceph osd new "$uuid" -i "$dir/osd.json")
  [ "$id" = 0 ] || fail_with_log mon.a "expected osd.0, the monitor gave osd.$id"
  ceph-authtool --create-keyring "$dir/osd.0.keyring" --name osd.0 --add-key "$osd_secret" >/dev/null
  ceph-osd -i 0 --mkfs --osd-uuid "$uuid" >/dev/null 2>&1 || fail_with_log osd.0 "ceph-osd --mkfs failed"
  ceph-osd -i 0 || fail_with_log osd.0 "ceph-osd did not start"
  wait_for 60 "osd up" sh -c 'ceph osd stat -f json | grep -q "\"num_up_osds\":1"' \
    || fail_with_log osd.0 "osd.0 did not come up"

  # radosgw: it creates its pools itself on first start.
  ceph auth get-or-create client.rgw.a mon 'allow rw' osd 'allow rwx' -o "$dir/client.rgw.a.keyring"
  radosgw -n client.rgw.a || fail_with_log client.rgw.a "radosgw did not start"
  wait_for 90 "radosgw" curl -fsS -o /dev/null "http://127.0.0.1:$port/" \
    || fail_with_log client.rgw.a "radosgw does not answer on 127.0.0.1:$port"

  radosgw-admin user create --uid=wssp --display-name="wssp tests" \
    --access-key="$access" --secret-key="$secret" >/dev/null \
    || fail_with_log client.rgw.a "radosgw-admin user create failed"

  cat > "$dir/rgw.env" <<ENV
RGW_ENDPOINT=http://127.0.0.1:$port
RGW_ACCESS_KEY=$access
RGW_SECRET_KEY=$secret
ENV
  cat > "$dir/rgw.properties" <<PROPS
endpoint=http://127.0.0.1:$port
accessKey=$access
secretKey=$secret
PROPS
  log "radosgw on http://127.0.0.1:$port (state and logs in $dir)"
  report
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
