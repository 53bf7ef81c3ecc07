# Helpers shared by deploy/testnet and deploy/join: tool lookup, config edits, ports, processes.
# Sourced, never run. Callers set -euo pipefail and define DEPLOY_DIR.

REPO_ROOT="$(cd "$DEPLOY_DIR/.." && pwd)"

# Stakeholder names in genesis order; stakeholders past the list are called member<i>.
STAKEHOLDER_NAMES=(alice bob carol dave erin frank grace heidi ivan judy)

# Port offsets inside one stakeholder's block of PORT_STRIDE ports, counted from the base port.
PORT_STRIDE=10
P2P_OFFSET=0
RPC_OFFSET=1
ABCI_OFFSET=2
HTTP_OFFSET=3

die() {
  echo "error: $*" >&2
  exit 1
}

log() {
  echo "[$(date -u +%H:%M:%S)] $*" >&2
}

stakeholder_name() {
  local index="$1"
  if (( index < ${#STAKEHOLDER_NAMES[@]} )); then
    echo "${STAKEHOLDER_NAMES[$index]}"
  else
    echo "member$index"
  fi
}

port_of() {
  local base="$1" index="$2" offset="$3"
  echo $(( base + index * PORT_STRIDE + offset ))
}

require_tool() {
  local tool="$1" why="$2"
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found on PATH; it is needed $why"
}

# Resolves the CometBFT binary: $COMETBFT, then <repo>/.tools/bin/cometbft, else installs it.
resolve_cometbft() {
  if [[ -n "${COMETBFT:-}" ]]; then
    [[ -x "$COMETBFT" ]] || die "COMETBFT=$COMETBFT is not an executable file; unset it or point it at cometbft v0.38.x"
    echo "$COMETBFT"
    return
  fi
  "$DEPLOY_DIR/install-cometbft.sh"
}

# Fills the LARCO_CMD array: $LARCO (a command line, split on spaces), else the ./larco launcher.
resolve_larco() {
  if [[ -n "${LARCO:-}" ]]; then
    read -r -a LARCO_CMD <<<"$LARCO"
  elif [[ -x "$REPO_ROOT/larco" ]]; then
    LARCO_CMD=("$REPO_ROOT/larco")
  else
    die "no larco command: $REPO_ROOT/larco is missing; build the project or set LARCO to a command that runs org.larco.node.cli.Larco"
  fi
}

# Runs the larco CLI with stdin closed, so it cannot read the caller's `while read` input.
larco() {
  "${LARCO_CMD[@]}" "$@" </dev/null
}

# Sets KEY = VALUE inside [SECTION] of a TOML file (SECTION "" means the top level), in place.
# VALUE is written as given, so strings need their quotes.
toml_set() {
  local file="$1" section="$2" key="$3" value="$4"
  local tmp="$file.tmp"
  awk -v section="$section" -v key="$key" -v value="$value" '
    /^\[.*\]$/ { current = substr($0, 2, length($0) - 2) }
    current == section && $0 ~ "^" key " *=" { print key " = " value; found = 1; next }
    { print }
    END { if (!found) exit 3 }
  ' "$file" >"$tmp" || { rm -f "$tmp"; die "key '$key' not found in section [$section] of $file; is it a CometBFT v0.38 config.toml?"; }
  mv "$tmp" "$file"
}

# Fails when something already listens on one of the given loopback ports.
require_free_ports() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port on 127.0.0.1 is in use; stop what listens there or pick another --base-port"
    fi
  done
}

# Starts a command in its own session, in the background, with a pid file and a log file.
# The pid is the session leader, so stop_process can signal the whole process group.
start_process() {
  local pid_file="$1" log_file="$2"
  shift 2
  mkdir -p "$(dirname "$pid_file")" "$(dirname "$log_file")"
  setsid "$@" >>"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
}

is_running() {
  local pid_file="$1" pid
  [[ -f "$pid_file" ]] || return 1
  pid="$(cat "$pid_file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# Sends SIGTERM to the process group, waits up to STOP_TIMEOUT_S, then sends SIGKILL.
stop_process() {
  local pid_file="$1" pid waited=0
  local timeout_s="${STOP_TIMEOUT_S:-15}"
  if ! is_running "$pid_file"; then
    rm -f "$pid_file"
    return
  fi
  pid="$(cat "$pid_file")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( waited < timeout_s * 10 )); do
    sleep 0.1
    waited=$(( waited + 1 ))
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ($(basename "$pid_file" .pid)) ignored SIGTERM for ${timeout_s}s; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

running_pid_files() {
  local run_dir="$1" pid_file
  [[ -d "$run_dir" ]] || return 0
  for pid_file in "$run_dir"/*.pid; do
    [[ -e "$pid_file" ]] || continue
    if is_running "$pid_file"; then
      echo "$pid_file"
    fi
  done
}

# Prints the JSON reply of a GET on a CometBFT RPC URL, or fails.
rpc_get() {
  local url="$1"
  curl --silent --show-error --fail --max-time 5 "$url"
}

# Waits until the RPC at URL reports a block height of at least MIN_HEIGHT.
wait_for_height() {
  local rpc_url="$1" min_height="$2" timeout_s="$3" height
  local deadline=$(( SECONDS + timeout_s ))
  while (( SECONDS < deadline )); do
    height="$(rpc_get "$rpc_url/status" 2>/dev/null | jq -r '.result.sync_info.latest_block_height' 2>/dev/null || true)"
    if [[ "$height" =~ ^[0-9]+$ ]] && (( height >= min_height )); then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# Configures one CometBFT home for loopback: ports, peers, fast blocks and the kv tx indexer.
configure_cometbft() {
  local home="$1" moniker="$2" p2p_port="$3" rpc_port="$4" abci_port="$5" peers="$6" timeout_commit="$7"
  local config="$home/config/config.toml"
  toml_set "$config" "" moniker "\"$moniker\""
  toml_set "$config" "" proxy_app "\"tcp://127.0.0.1:$abci_port\""
  toml_set "$config" rpc laddr "\"tcp://127.0.0.1:$rpc_port\""
  toml_set "$config" p2p laddr "\"tcp://127.0.0.1:$p2p_port\""
  toml_set "$config" p2p external_address "\"127.0.0.1:$p2p_port\""
  toml_set "$config" p2p persistent_peers "\"$peers\""
  toml_set "$config" p2p addr_book_strict false
  toml_set "$config" p2p allow_duplicate_ip true
  toml_set "$config" consensus timeout_commit "\"$timeout_commit\""
  toml_set "$config" consensus timeout_propose "\"1s\""
  toml_set "$config" tx_index indexer "\"kv\""
}

# Writes a learner node's YAML config. Txs are signed with chainId, so it must be the genesis chain_id.
write_node_config() {
  local file="$1" name="$2" key="$3" home="$4" http_port="$5" rpc_port="$6" preset="$7" events="$8" seed="$9"
  local chain_id="${10}"
  cat >"$file" <<EOF
name: $name
key: $key
home: $home
http: {host: 127.0.0.1, port: $http_port}
chain: {mode: cometbft, rpc: "http://127.0.0.1:$rpc_port", chainId: "$chain_id"}
data: {preset: $preset, events: $events, seed: $seed}
learner: {epochsPerRound: 1, batchSize: 32, seed: $seed}
EOF
}

# Creates an Ed25519 key with `larco keys new` (file mode 0600) and prints its public key in hex.
new_key() {
  local key_file="$1" name="$2" output pub_key
  output="$(larco keys new --out "$key_file" --name "$name")" \
    || die "'larco keys new --out $key_file --name $name' failed; see its message above"
  chmod 600 "$key_file"
  pub_key="$(pub_key_from "$output" "$key_file")"
  [[ "$pub_key" =~ ^[0-9a-f]{64}$ ]] \
    || die "could not read a 64-hex-digit public key from 'larco keys new' (output: $output)"
  echo "$pub_key"
}

# Prints the public key (field pub_key or public_key) from the command's JSON output, else from
# the key file's JSON (`larco keys new` writes public_key there).
pub_key_from() {
  local output="$1" key_file="$2" pub_key
  pub_key="$(jq -r '.pub_key // .public_key // empty' <<<"$output" 2>/dev/null || true)"
  if [[ -z "$pub_key" ]]; then
    pub_key="$(jq -r '.pub_key // .public_key // empty' "$key_file" 2>/dev/null || true)"
  fi
  echo "$pub_key"
}
