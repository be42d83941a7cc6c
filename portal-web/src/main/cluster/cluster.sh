# shellcheck shell=bash
# ./portal cluster — sourced by ./portal after the build and the data folder are ready.
# Uses: HERE, MICRO, WAR, S3LIB, PORTAL_HTTP_PORT (the balancer's port), PORTAL_DATA_DIR,
# instances, portal_jvm.

cluster_fail() {
  echo "portal cluster: $*" >&2
  exit 1
}

# Waits until http://127.0.0.1:PORT/health/ready answers 200, or the process PID has died.
wait_ready() {
  local port="$1" pid="$2" name="$3" deadline=$((SECONDS + ${PORTAL_CLUSTER_START_SECONDS:-900}))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$pid" 2>/dev/null || cluster_fail "$name exited while starting; see its log"
    if http_status "$port" /health/ready | grep -q '^200$'; then
      return 0
    fi
    sleep 1
  done
  cluster_fail "$name not ready within ${PORTAL_CLUSTER_START_SECONDS:-900} s"
}

# The HTTP status of GET PATH on 127.0.0.1:PORT, with bash alone (no curl needed).
http_status() {
  local port="$1" path="$2" line
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || { echo 000; return; }
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
  IFS=' ' read -r -t 10 _ line _ <&3 || line=000
  exec 3<&- 3>&-
  echo "$line"
}

# A secret in the data folder's secrets/ (the same files the portal itself creates), made once.
secret() {
  local file="$PORTAL_DATA_DIR/secrets/$1"
  if [ ! -s "$file" ]; then
    mkdir -p -m 700 "$PORTAL_DATA_DIR/secrets"
    head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$file"
  fi
  cat "$file"
}

run_cluster() {
  local base="$PORTAL_HTTP_PORT" dir="$PORTAL_DATA_DIR/cluster" k pid port
  [[ "$instances" =~ ^[1-9][0-9]?$ ]] || cluster_fail "--instances must be a number from 1 to 99"
  [[ "${PORTAL_DB_URL:-}" == jdbc:postgresql:* ]] ||
    cluster_fail "PORTAL_DB_URL must name a PostgreSQL database (jdbc:postgresql://...): all instances share it"
  command -v haproxy >/dev/null || cluster_fail "haproxy is needed (apt-get install haproxy)"
  mkdir -p -m 700 "$dir"
  rm -f "$dir"/instance-*.pid "$dir"/haproxy.pid "$dir"/s3.pid

  local children=()
  stop_cluster() {
    trap - INT TERM EXIT
    # No errexit here (./portal runs with set -e): a kill of a process that has already exited
    # fails, and would end the script halfway, leaving HAProxy and the S3 server running.
    set +e
    echo "portal cluster: stopping (instances drain first, at most ${PORTAL_DRAIN_SECONDS:-20} s)"
    # SIGTERM: each instance drains (readiness DOWN, requests in progress finish, Drain.java),
    # then shuts down cleanly. The balancer and the object store stay until the instances are
    # gone: the requests finishing still pass through the one and may need the other. (Ctrl-C
    # reaches only this script: background jobs of a script ignore SIGINT.)
    for f in "$dir"/instance-*.pid; do
      [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null
    done
    local patience=$(( ${PORTAL_DRAIN_SECONDS:-20} + 60 ))
    for f in "$dir"/instance-*.pid; do
      [ -f "$f" ] || continue
      pid="$(cat "$f")"
      for _ in $(seq "$patience"); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null
      rm -f "$f"
    done
    [ -f "$dir/haproxy.pid" ] && kill "$(cat "$dir/haproxy.pid")" 2>/dev/null
    [ -f "$dir/s3.pid" ] && kill "$(cat "$dir/s3.pid")" 2>/dev/null
    rm -f "$dir/haproxy.pid" "$dir/s3.pid"
    for c in "${children[@]}"; do kill "$c" 2>/dev/null; done
    wait 2>/dev/null
    exit 0
  }
  trap stop_cluster INT TERM EXIT

  # One object store for all: the given one, or one embedded S3 server on port P+N+1.
  if [ -z "${PORTAL_S3_ENDPOINT:-}" ]; then
    local s3port=$((base + instances + 1)) access secret_key fifo
    access="$(secret s3.access-key)"
    secret_key="$(secret s3.secret-key)"
    fifo="$dir/s3.stdin"
    rm -f "$fifo" && mkfifo -m 600 "$fifo"
    # The server reads its keys from standard input and stops when that input closes: a holder
    # process keeps the fifo open for as long as the cluster runs.
    java -Xmx256m -cp "$(ls "$HERE"/s3-embedded/target/s3-embedded-*.jar | head -1):$S3LIB/*" \
      cn.wssp.s3embedded.EmbeddedS3Main "$PORTAL_DATA_DIR/objects" "$s3port" \
      <"$fifo" >"$dir/s3.log" 2>&1 &
    echo $! >"$dir/s3.pid"
    children+=($!)
    { printf '%s\n%s\n' "$access" "$secret_key"; exec sleep infinity; } >"$fifo" &
    children+=($!)
    for _ in $(seq 90); do grep -q "S3-EMBEDDED READY" "$dir/s3.log" && break; sleep 1; done
    grep -q "S3-EMBEDDED READY" "$dir/s3.log" || cluster_fail "embedded S3 server did not start; see $dir/s3.log"
    export PORTAL_S3_ENDPOINT="http://127.0.0.1:$s3port" PORTAL_S3_ACCESS_KEY="$access"
    export PORTAL_S3_SECRET_KEY="$secret_key"
    echo "portal cluster: embedded S3 server on $PORTAL_S3_ENDPOINT (objects in $PORTAL_DATA_DIR/objects)"
  fi
  unset PORTAL_S3_EMBEDDED_CLASSPATH
  # Addresses in X-Forwarded-For are believed only from the balancer.
  export PORTAL_TRUSTED_PROXIES="${PORTAL_TRUSTED_PROXIES:-127.0.0.1}"
  export PORTAL_PUBLIC_URL="${PORTAL_PUBLIC_URL:-http://localhost:$base}"

  start_instance() {
    local k="$1" port=$((base + $1))
    mkdir -p -m 700 "$dir/instance-$k/tmp"
    portal_jvm "$port" "$dir/instance-$k/tmp" "-Dportal.instance.name=instance-$k@$(hostname)"
    PORTAL_HTTP_PORT="$port" "${JVM_COMMAND[@]}" >>"$dir/instance-$k.log" 2>&1 &
    echo $! >"$dir/instance-$k.pid"
    children+=($!)
  }
  # The first instance alone: it migrates the database and creates the key stores the others
  # then open.
  start_instance 1
  wait_ready $((base + 1)) "$(cat "$dir/instance-1.pid")" "instance 1"
  echo "portal cluster: instance 1 ready on port $((base + 1))"
  for ((k = 2; k <= instances; k++)); do start_instance "$k"; done
  for ((k = 2; k <= instances; k++)); do
    wait_ready $((base + k)) "$(cat "$dir/instance-$k.pid")" "instance $k"
    echo "portal cluster: instance $k ready on port $((base + k))"
  done

  write_haproxy_config "$dir/haproxy.cfg" "$base"
  haproxy -f "$dir/haproxy.cfg" -db >>"$dir/haproxy.log" 2>&1 &
  echo $! >"$dir/haproxy.pid"
  children+=($!)
  wait_ready "$base" "$(cat "$dir/haproxy.pid")" "haproxy"
  echo "portal cluster: $instances instances behind http://localhost:$base/ (data in $PORTAL_DATA_DIR)"

  # In the foreground until Ctrl-C/SIGTERM; an instance that dies is reported, not restarted
  # (HAProxy's health checks take it out, the others take over its jobs when its leases expire).
  while true; do
    for ((k = 1; k <= instances; k++)); do
      [ -f "$dir/instance-$k.pid" ] || continue
      pid="$(cat "$dir/instance-$k.pid")"
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "portal cluster: instance $k (pid $pid) has exited; the others carry on" >&2
        rm -f "$dir/instance-$k.pid"
      fi
    done
    sleep 2 &
    wait $! || true
  done
}

# HAProxy in front: round robin, health from /health/ready, page sessions sticky by a cookie
# (a failover means a clean new login; bearer requests are stateless and go anywhere).
write_haproxy_config() {
  local file="$1" base="$2" k
  {
    cat <<CFG
global
  maxconn 4096

defaults
  mode http
  timeout connect 5s
  timeout client 300s
  timeout server 300s
  timeout http-request 60s
  timeout queue 60s
  # A health check may take longer than its 1 s interval on a busy machine: not a failure yet.
  # 10 s, not less: under the Gatling mix on 2 cores, with 3 s both instances answered /health
  # late, were taken out together and the balancer answered 503 to everyone. A draining instance
  # answers DOWN at once, so the drain is still seen within 1-2 s.
  timeout check 10s
  # A request that could not reach an instance goes to another one.
  retries 3
  option redispatch
  retry-on conn-failure empty-response

frontend portal
  bind :$base
  option forwardfor
  default_backend instances

backend instances
  balance roundrobin
  # A draining instance (SIGTERM) answers DOWN at once: two failed checks a second apart take it
  # out within 1-2 s, and it waits for those before it stops (Drain.java, BALANCER_FALL).
  option httpchk GET /health/ready
  http-check expect status 200
  # maxconn: at most 32 requests in each instance at once, the rest wait here (timeout queue).
  # Without it a saturated instance queued hundreds in its own thread pool, where the health
  # check waited too: both instances missed their checks and were taken out together.
  default-server inter 1s fall 2 rise 2 maxconn 32
  # The queue is not first come, first served: an upload (a PUT of a material, seconds long)
  # waits behind pages and API reads, which take milliseconds, so a clerk's page is not stuck
  # behind a burst of 200 MB uploads. Lower classes leave the queue first; the default is 0.
  http-request set-priority-class int(1) if METH_PUT { path_reg ^/api/v1/applications/[0-9]+/materials/ }
  cookie WSSP_INSTANCE insert indirect nocache httponly
CFG
    for ((k = 1; k <= instances; k++)); do
      echo "  server instance-$k 127.0.0.1:$((base + k)) check cookie i$k"
    done
  } >"$file"
}
