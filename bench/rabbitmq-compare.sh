#!/usr/bin/env bash
# Side by side with RabbitMQ (issue 18): the DevHost on the in-memory store, the DevHost on Azurite and
# RabbitMQ's web-stomp, measured by the team's stomp-bench harness with ../shared/bench/run-interleaved.sh
# (latency, throughput, fanout, connect-storm; one warm-up pass, then RUNS=3 recorded runs, interleaved),
# then summarized by ../shared/bench/summary.mjs. Run it on a quiet machine, from anywhere:
#
#   dotnet build src/StompFunctions.DevHost -c Release     # once
#   sudo ../shared/bench/brokers/setup-rabbitmq.sh           # once per machine
#   bench/rabbitmq-compare.sh                                # about 15 minutes
#
# RabbitMQ is started with ../shared/bench/brokers/start-rabbitmq.sh (as root) unless it already listens on
# 127.0.0.1:15674, and stopped again at the end only if this script started it. Every process this script
# starts is stopped by its PID on exit. Results: test-output/bench/rabbitmq-compare-<UTC time>.{jsonl,md}.
# Environment: SHARED_BENCH (default: ../shared/bench next to the repository), RUNS, SCENARIOS (as
# run-interleaved.sh), DEVHOST_LOG_LEVEL (default Warning), WITH_RABBITMQ=0 (the two local stacks only, e.g. to
# check a change without RabbitMQ; the ratio columns are then empty), DESTINATIONS=queue (latency and
# throughput on /queue/bench.lat and /queue/bench.tput instead of topics: point-to-point queues, issue 19),
# BASELINE_DEVHOST=<another build's StompFunctions.DevHost.dll> (its memory and Azurite stacks, as devhost-baseline and
# devhost-azurite-baseline, run interleaved with this build's: before/after a change in one session),
# THROUGHPUT_RATE=<msg/s> (throughput open-loop at that rate for every target, RATE_MESSAGES messages, default 8000: CPU
# per message at one rate that all can keep, since a server that idles between messages pays more for each; 600 is
# below what one publisher gets through the Azurite stack here), SPLIT=1 (two more targets, app-alone and
# app-alone-azurite: the DevHost with --emulator, i.e. the Functions app's part alone, beside the standalone emulator
# in a process of its own, as the app runs beside Web PubSub; its server CPU is what Azure would bill the app, and the
# emulator's CPU is reported in the summary's "Azurite CPU-s" row, its one extra process).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED_BENCH:-$REPO/../shared/bench}
DEVHOST=$REPO/src/StompFunctions.DevHost/bin/Release/net10.0/StompFunctions.DevHost.dll
EMULATOR=$REPO/src/StompFunctions.Emulator/bin/Release/net10.0/StompFunctions.Emulator.dll
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUTDIR=$REPO/test-output/bench
OUT=$OUTDIR/rabbitmq-compare-$STAMP
WORK=$(mktemp -d)
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
STARTED=()
RABBIT_STARTED=0

[ -d "$SHARED" ] || { echo "no stomp-bench harness at $SHARED (set SHARED_BENCH)" >&2; exit 2; }
[ -f "$DEVHOST" ] || { echo "build the DevHost first: dotnet build src/StompFunctions.DevHost -c Release" >&2; exit 2; }
[ -x "$REPO/node_modules/.bin/azurite-table" ] || { echo "Azurite is missing: run npm ci in the repository" >&2; exit 2; }

cleanup() {
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "$RABBIT_STARTED" = 1 ]; then "$SHARED/brokers/stop-rabbitmq.sh" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_http() { for _ in $(seq 1 120); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done; echo "no answer from $1" >&2; return 1; }

# The harness needs its npm packages; the shared folder is read-only, so it runs from a copy.
cp -r "$SHARED" "$WORK/bench"
if [ "${DESTINATIONS:-topic}" = queue ]; then
  # The same scenarios on queues: the copy's per-scenario arguments name a /queue destination.
  sed -i -e 's|^\(  \[latency\]="[^"]*\)"|\1 --topic /queue/bench.lat"|' \
         -e 's|^\(  \[throughput\]="[^"]*\)"|\1 --topic /queue/bench.tput"|' "$WORK/bench/run-interleaved.sh"
  grep -q -- '--topic /queue/bench.tput' "$WORK/bench/run-interleaved.sh" || { echo "could not switch the harness to queues" >&2; exit 2; }
  export SCENARIOS=${SCENARIOS:-latency throughput}
  OUT=$OUT-queue
fi
if [ -n "${THROUGHPUT_RATE:-}" ]; then
  # The copy's throughput arguments: the same message count for every target, sent at one rate.
  sed -i -e "s|^\(  \[throughput\]=\"\)--messages 20000\([^\"]*\)\"|\1--messages ${RATE_MESSAGES:-8000}\2 --rate $THROUGHPUT_RATE\"|" "$WORK/bench/run-interleaved.sh"
  grep -q -- "--rate $THROUGHPUT_RATE\"" "$WORK/bench/run-interleaved.sh" || { echo "could not set the harness's throughput rate" >&2; exit 2; }
  OUT=$OUT-rate$THROUGHPUT_RATE
fi
if [ ! -d "$WORK/bench/stomp-bench/node_modules" ]; then
  (cd "$WORK/bench/stomp-bench" && npm ci --no-audit --no-fund --silent)
fi

AZ_PORT=$(free_port)
"$REPO/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$AZ_PORT" --inMemoryPersistence \
  --skipApiVersionCheck --loose --disableTelemetry --silent > "$WORK/azurite.log" 2>&1 &
AZ_PID=$!; STARTED+=("$AZ_PID")
TABLES="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;TableEndpoint=http://127.0.0.1:$AZ_PORT/devstoreaccount1;"
for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$AZ_PORT") 2>/dev/null && break; sleep 0.5; done

start_devhost() { # dll port [args...]; prints the PID
  local dll=$1 port=$2; shift 2
  dotnet "$dll" --port "$port" --log-level "${DEVHOST_LOG_LEVEL:-Warning}" "$@" > "$WORK/devhost-$port.log" 2>&1 &
  echo $!
}
TARGETS=()
add_stacks() { # dll system-suffix label-suffix: this build's (or the baseline's) memory and Azurite stacks
  local mem_port tab_port mem_pid tab_pid
  mem_port=$(free_port); mem_pid=$(start_devhost "$1" "$mem_port"); STARTED+=("$mem_pid")
  tab_port=$(free_port); tab_pid=$(start_devhost "$1" "$tab_port" --storage "$TABLES"); STARTED+=("$tab_pid")
  wait_http "http://127.0.0.1:$mem_port/api/negotiate?userId=bench"
  wait_http "http://127.0.0.1:$tab_port/api/negotiate?userId=bench"
  TARGETS+=("devhost$2|local stack, memory$3|negotiate:http://127.0.0.1:$mem_port|$mem_pid")
  TARGETS+=("devhost-azurite$2|local stack, Azurite$3|negotiate:http://127.0.0.1:$tab_port|$tab_pid|$AZ_PID|azurite")
}
if [ -n "${BASELINE_DEVHOST:-}" ]; then
  [ -f "$BASELINE_DEVHOST" ] || { echo "BASELINE_DEVHOST: no such file: $BASELINE_DEVHOST" >&2; exit 2; }
  add_stacks "$BASELINE_DEVHOST" -baseline " (baseline)"
fi
add_stacks "$DEVHOST" "" ""
add_split() { # system label [storage args...]: the app alone (DevHost --emulator) and a standalone emulator beside it
  local system=$1 label=$2 app_port emu_port app_pid emu_pid; shift 2
  app_port=$(free_port); emu_port=$(free_port)
  dotnet "$EMULATOR" --port "$emu_port" --host 127.0.0.1 --hub stomp \
    --upstream "http://localhost:$app_port/api/webpubsub/{event}" > "$WORK/emulator-$emu_port.log" 2>&1 &
  emu_pid=$!; STARTED+=("$emu_pid")
  app_pid=$(start_devhost "$DEVHOST" "$app_port" --emulator "http://127.0.0.1:$emu_port" "$@"); STARTED+=("$app_pid")
  wait_http "http://127.0.0.1:$app_port/api/negotiate?userId=bench"
  TARGETS+=("$system|$label|negotiate:http://127.0.0.1:$app_port|$app_pid|$emu_pid|emulator")
}
if [ "${SPLIT:-0}" = 1 ]; then
  [ -f "$EMULATOR" ] || { echo "build the DevHost first (it builds the emulator): dotnet build src/StompFunctions.DevHost -c Release" >&2; exit 2; }
  add_split app-alone "the app alone, memory (emulator beside it)"
  add_split app-alone-azurite "the app alone, Azurite (emulator beside it)" --storage "$TABLES"
fi
RABBIT_PID=none
if [ "${WITH_RABBITMQ:-1}" != 0 ]; then
  if ! (exec 3<>/dev/tcp/127.0.0.1/15674) 2>/dev/null; then
    "$SHARED/brokers/start-rabbitmq.sh"
    RABBIT_STARTED=1
  fi
  RABBIT_PID=$(cat /var/lib/rabbitmq/mnesia/rabbit@localhost.pid)
  TARGETS+=("rabbitmq|RabbitMQ web-stomp|ws://127.0.0.1:15674/ws|$RABBIT_PID")
fi

mkdir -p "$OUTDIR"
{
  echo "# $(date -u +%FT%TZ) $(git -C "$REPO" rev-parse --short HEAD); $(nproc) cores; uptime: $(uptime)"
  printf '# target: %s\n' "${TARGETS[@]}"
  echo "# Azurite pid $AZ_PID; rabbitmq pid $RABBIT_PID; baseline: ${BASELINE_DEVHOST:-none}"
} | tee "$OUT.md" >&2
"$WORK/bench/run-interleaved.sh" "$OUT.jsonl" "${TARGETS[@]}" 2>&1 | tee -a "$OUT.md" >&2
node "$WORK/bench/summary.mjs" "$OUT.jsonl" | tee -a "$OUT.md"
echo "results: $OUT.jsonl and $OUT.md" >&2
