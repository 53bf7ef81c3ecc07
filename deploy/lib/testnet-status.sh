# `deploy/testnet status|logs|down`. Sourced by deploy/testnet; needs STAKEHOLDERS_FILE and
# default_dir from testnet-up.sh.

# Parses --dir (and --purge for down) into TESTNET_DIR and PURGE; leaves other words in ARGS.
parse_dir_option() {
  TESTNET_DIR="" PURGE=no FOLLOW=no ARGS=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --dir) TESTNET_DIR="${2:?--dir needs a directory}"; shift 2 ;;
      --purge) PURGE=yes; shift ;;
      -f | --follow) FOLLOW=yes; shift ;;
      -*) die "unknown option '$1'; run 'deploy/testnet --help'" ;;
      *) ARGS+=("$1"); shift ;;
    esac
  done
  TESTNET_DIR="${TESTNET_DIR:-$(default_dir)}"
  [[ -f "$TESTNET_DIR/$STAKEHOLDERS_FILE" ]] \
    || die "no testnet in $TESTNET_DIR ($STAKEHOLDERS_FILE is missing); start one with 'deploy/testnet up' or pass --dir"
  TESTNET_DIR="$(cd "$TESTNET_DIR" && pwd)"
}

testnet_status() {
  parse_dir_option "$@"
  require_tool jq "to read RPC replies"
  require_tool curl "to query the CometBFT RPC and the nodes"
  local name role learner p2p rpc abci http
  printf '%-8s %-9s %-8s %-8s %-64s %s\n' NAME ROLE HEIGHT APP_H APP_HASH PROCESSES
  while read -r name role learner p2p rpc abci http; do
    print_chain_status "$name" "$role" "$rpc"
  done <"$TESTNET_DIR/$STAKEHOLDERS_FILE"
  echo
  while read -r name role learner p2p rpc abci http; do
    [[ "$learner" == yes && -f "$TESTNET_DIR/logs/$name-node.log" ]] || continue
    print_node_status "$name" "$http"
  done <"$TESTNET_DIR/$STAKEHOLDERS_FILE"
}

# One line per CometBFT node: its head (RPC /status) and the ledger's last commit (/abci_info).
print_chain_status() {
  local name="$1" role="$2" rpc="$3" status info height app_hash app_height processes
  processes="$(process_states "$name")"
  status="$(rpc_get "http://127.0.0.1:$rpc/status" 2>/dev/null || true)"
  info="$(rpc_get "http://127.0.0.1:$rpc/abci_info" 2>/dev/null || true)"
  if [[ -z "$status" ]]; then
    printf '%-8s %-9s %-8s %-8s %-64s %s\n' "$name" "$role" - - "(RPC 127.0.0.1:$rpc not answering)" "$processes"
    return
  fi
  height="$(jq -r '.result.sync_info.latest_block_height' <<<"$status")"
  app_hash="$(jq -r '.result.sync_info.latest_app_hash | ascii_downcase' <<<"$status")"
  app_height="$(jq -r '.result.response.last_block_height // "0"' <<<"$info" 2>/dev/null || echo -)"
  printf '%-8s %-9s %-8s %-8s %-64s %s\n' "$name" "$role" "$height" "$app_height" "$app_hash" "$processes"
}

process_states() {
  local name="$1" component states=""
  for component in cometbft abci node; do
    [[ -f "$TESTNET_DIR/run/$name-$component.pid" || -f "$TESTNET_DIR/logs/$name-$component.log" ]] || continue
    if is_running "$TESTNET_DIR/run/$name-$component.pid"; then
      states+="$component:up "
    else
      states+="$component:down "
    fi
  done
  echo "${states% }"
}

# Prints one line from the learner node's GET /api/status: height, app hash, members, experiments.
print_node_status() {
  local name="$1" http="$2" reply
  reply="$(curl --silent --fail --max-time 5 "http://127.0.0.1:$http/api/status" 2>/dev/null || true)"
  if [[ -z "$reply" ]]; then
    echo "$name node: not answering on http://127.0.0.1:$http/api/status"
  else
    jq -r --arg name "$name" '"\($name) node: height \(.height) app hash \(.appHash) members \(.members | length)"
      + ([.experiments[] | " | experiment \(.id) round \(.currentRound) accepted \(.acceptedRounds) head \(.head[0:16])"] | add // "")' \
      <<<"$reply" 2>/dev/null || echo "$name node: $reply"
  fi
}

testnet_logs() {
  parse_dir_option "$@"
  local name="${ARGS[0]:-*}" component="${ARGS[1]:-*}"
  local -a files=()
  local file
  for file in "$TESTNET_DIR"/logs/$name-$component.log; do
    [[ -f "$file" ]] && files+=("$file")
  done
  (( ${#files[@]} > 0 )) \
    || die "no log matches name '$name' and component '$component' in $TESTNET_DIR/logs; names are in $TESTNET_DIR/$STAKEHOLDERS_FILE, components are cometbft, abci, node"
  if [[ "$FOLLOW" == yes ]]; then
    tail -n 50 -f "${files[@]}"
  else
    tail -n 50 "${files[@]}"
  fi
}

# Stops learner nodes first (they send txs), then CometBFT, then the ledgers CometBFT talks to.
testnet_down() {
  parse_dir_option "$@"
  local component pid_file
  # The watchdog itself runs `down`; it must not be killed by the `down` it started.
  if [[ "${LARCO_DOWN_FROM_WATCHDOG:-}" != yes && -f "$TESTNET_DIR/run/owner-watchdog.pid" ]]; then
    stop_process "$TESTNET_DIR/run/owner-watchdog.pid"
  fi
  for component in node cometbft abci; do
    for pid_file in "$TESTNET_DIR"/run/*-"$component".pid; do
      [[ -e "$pid_file" ]] || continue
      stop_process "$pid_file" &
    done
    wait
  done
  [[ "${LARCO_DOWN_FROM_WATCHDOG:-}" != yes ]] || rm -f "$TESTNET_DIR/run/owner-watchdog.pid"
  log "stopped every process of the testnet in $TESTNET_DIR"
  if [[ "$PURGE" == yes ]]; then
    find "$TESTNET_DIR" -mindepth 1 -delete
    rmdir "$TESTNET_DIR" 2>/dev/null || true
    log "deleted $TESTNET_DIR"
  fi
}
