#!/usr/bin/env bash
# Starts the built jar N times in a row (not a test): each start in a fresh temporary working directory
# with a fresh H2 file database (./var/) and a copy of ml-models/ (the only folder the jar reads from its
# working directory; processes, decisions, forms, prompts and knowledge are inside the jar), on a free
# port. Per start: waits until /actuator/health answers, reads its `knowledge` component, keeps the
# process running for a while after ready (a native crash in the embedding model's load once killed the
# JVM about 31 s after start), stops it with SIGTERM and records its exit code.
#
# usage: bench/repeated-starts.sh [starts=20]
# builds nothing: build the jar first with
#   mvn -B -DskipTests package            (target/circuitos.jar)
# environment: STARTS_READY_TIMEOUT (s, default 300), STARTS_ALIVE_WAIT (s after ready, default 35),
#   STARTS_STOP_TIMEOUT (s, default 90), STARTS_JAVA_OPTS (default none), STARTS_KEEP=1 keeps the working
#   directories (default: only those of failed starts are kept)
#
# A start counts as crashed when the process dies before it is stopped, exits with a code other than 0
# or 143 (the JVM's answer to the SIGTERM sent; a crash by SIGSEGV or SIGABRT gives 139 or 134), leaves
# an hs_err file, or does not answer /actuator/health within the timeout. Exits 1 if any start crashed or its
# `knowledge` health was not UP once ready.
# DEMO VALUES: reads the health details as the embedded default's demo admin (demo/demo).
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
JAR="$REPO/target/circuitos.jar"
STARTS=${1:-20}
READY_TIMEOUT=${STARTS_READY_TIMEOUT:-300}
ALIVE_WAIT=${STARTS_ALIVE_WAIT:-35}
STOP_TIMEOUT=${STARTS_STOP_TIMEOUT:-90}

if [[ ! -f "$JAR" ]]; then
  echo "no $JAR: build it first with 'mvn -B -DskipTests package'" >&2
  exit 2
fi
if ! [[ "$STARTS" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/repeated-starts.sh [starts=20]" >&2
  exit 2
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now() {
  date +%s.%N
}

# alive and not a zombie
running() {
  [[ -r /proc/$1/stat ]] && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]
}

seconds_since() {
  awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'
}

APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null' EXIT

crashed=0
knowledge_down=0
ready_times=()
echo "repeated starts: $STARTS of $JAR, ready timeout ${READY_TIMEOUT} s, alive wait ${ALIVE_WAIT} s after ready"
printf '%-6s %-6s %-10s %-10s %-8s %-6s %s\n' start port ready_s knowledge alive exit verdict
for i in $(seq 1 "$STARTS"); do
  run=$(mktemp -d "${TMPDIR:-/tmp}/circuitos-start-$i-XXXXXX")
  cp -r "$REPO/ml-models" "$run/"
  port=$(free_port)
  started=$(now)
  (cd "$run" && exec java ${STARTS_JAVA_OPTS:-} -XX:ErrorFile="$run/hs_err_pid%p.log" -jar "$JAR" \
      --server.port="$port" > "$run/app.log" 2>&1) &
  APP_PID=$!

  ready="-"
  knowledge="-"
  alive="-"
  problems=()
  stopped=0
  # ready: /actuator/health answers at all (200 UP or 503 with a component down), or the process is gone
  while running "$APP_PID"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/actuator/health" || true)
    if [[ "$status" == 200 || "$status" == 503 ]]; then
      ready=$(seconds_since "$started")
      break
    fi
    if awk -v s="$(seconds_since "$started")" -v t="$READY_TIMEOUT" 'BEGIN { exit !(s > t) }'; then
      problems+=("not ready within ${READY_TIMEOUT} s")
      break
    fi
    sleep 0.5
  done

  if [[ "$ready" != "-" ]]; then
    ready_times+=("$ready")
    knowledge=$(curl -s --max-time 10 -u demo:demo "http://127.0.0.1:$port/actuator/health" \
      | jq -r '.components.knowledge.status // "absent"' 2>/dev/null || echo unreadable)
    [[ "$knowledge" == UP ]] || { problems+=("knowledge $knowledge"); knowledge_down=$((knowledge_down + 1)); }
    # alive: checked every second until ALIVE_WAIT seconds after ready
    alive="yes"
    for _ in $(seq 1 "$ALIVE_WAIT"); do
      sleep 1
      running "$APP_PID" || { alive="no"; break; }
    done
  fi

  if running "$APP_PID"; then
    kill -TERM "$APP_PID"
    stopped=1
    for _ in $(seq 1 "$STOP_TIMEOUT"); do
      running "$APP_PID" || break
      sleep 1
    done
    if running "$APP_PID"; then
      kill -KILL "$APP_PID"
      problems+=("did not stop within ${STOP_TIMEOUT} s of SIGTERM")
    fi
  fi
  wait "$APP_PID"
  code=$?
  APP_PID=""

  crash=0
  if [[ $stopped == 0 ]]; then
    problems+=("died before it was stopped"); crash=1
  elif [[ $code != 0 && $code != 143 ]]; then
    problems+=("exit code $code after SIGTERM"); crash=1
  fi
  if compgen -G "$run/hs_err_pid*.log" > /dev/null; then
    problems+=("hs_err file"); crash=1
  fi
  [[ "$ready" == "-" ]] && crash=1
  crashed=$((crashed + crash))
  verdict="ok"
  (( ${#problems[@]} )) && verdict=$(IFS=';'; echo "${problems[*]}")
  printf '%-6s %-6s %-10s %-10s %-8s %-6s %s\n' "$i" "$port" "$ready" "$knowledge" "$alive" "$code" "$verdict"
  if [[ "$verdict" == ok && "${STARTS_KEEP:-0}" != 1 ]]; then
    rm -rf "$run"
  elif [[ "$verdict" != ok ]]; then
    echo "       kept $run (app.log, hs_err files)"
  fi
done

summary=$(printf '%s\n' "${ready_times[@]}" | sort -n | awk '
  { v[NR] = $1; sum += $1 }
  END { if (NR == 0) { print "no start became ready"; exit }
        printf "ready in %.1f–%.1f s (median %.1f s, mean %.1f s) over %d ready starts", v[1], v[NR], v[int((NR + 1) / 2)], sum / NR, NR }')
echo "summary: $STARTS starts, crashed $crashed/$STARTS, knowledge not UP $knowledge_down/$STARTS; $summary"
[[ $crashed == 0 && $knowledge_down == 0 ]]
