# `deploy/testnet up`: creates the testnet directory on the first run, then starts its processes.
# Sourced by deploy/testnet.

# File with one line per stakeholder: name role learner p2p_port rpc_port abci_port http_port,
# where role is "validator" or "full" and learner is "yes" or "no".
STAKEHOLDERS_FILE=stakeholders

default_dir() {
  echo "$REPO_ROOT/work-dirs/testnet"
}

testnet_up() {
  local validators=4 learners="" dir="" base_port=27000 presets="microboone,dune-fd,icarus"
  local events=600 timeout_commit=100ms chain_id=larco-testnet rounds=10 deadline_blocks=300
  local model_seed=1 model_hashes="" no_nodes=no creation_options=0 owner_pid=""
  MODEL_ARGS=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --validators) validators="${2:?--validators needs a number}"; shift 2 ;;
      --learners) learners="${2:?--learners needs a number}"; shift 2 ;;
      --dir) dir="${2:?--dir needs a directory}"; shift 2; continue ;;
      --base-port) base_port="${2:?--base-port needs a port}"; shift 2 ;;
      --preset-list) presets="${2:?--preset-list needs a comma-separated list}"; shift 2 ;;
      --events) events="${2:?--events needs a number}"; shift 2 ;;
      --timeout-commit) timeout_commit="${2:?--timeout-commit needs a duration such as 500ms}"; shift 2 ;;
      --chain-id) chain_id="${2:?--chain-id needs an id}"; shift 2 ;;
      --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
      --deadline-blocks) deadline_blocks="${2:?--deadline-blocks needs a number}"; shift 2 ;;
      --model-seed) model_seed="${2:?--model-seed needs a number}"; shift 2 ;;
      --model-args) read -r -a MODEL_ARGS <<<"${2:?--model-args needs options for larco model init}"; shift 2 ;;
      --model-hashes) model_hashes="${2:?--model-hashes needs SPEC_HEX,WEIGHTS_HEX}"; shift 2 ;;
      --no-nodes) no_nodes=yes; shift; continue ;;
      --owner-pid) owner_pid="${2:?--owner-pid needs a process id}"; shift 2; continue ;;
      *) die "unknown option '$1' for 'up'; run 'deploy/testnet --help'" ;;
    esac
    creation_options=$(( creation_options + 1 ))
  done
  learners="${learners:-$validators}"
  validate_up_options "$validators" "$learners" "$base_port" "$events" "$timeout_commit" \
    "$rounds" "$deadline_blocks" "$model_seed" "$model_hashes"
  dir="$(absolute_dir "${dir:-$(default_dir)}")"

  require_tool jq "to read and write genesis.json and RPC replies"
  require_tool curl "to query the CometBFT RPC"
  require_tool setsid "to run each process in its own process group"
  require_not_running "$dir"
  resolve_larco
  COMETBFT_BIN="$(resolve_cometbft)"

  if [[ -f "$dir/$STAKEHOLDERS_FILE" ]]; then
    (( creation_options == 0 )) \
      || log "warning: $dir already holds a testnet; its options were fixed when it was created, so the given options are ignored"
    log "restarting the stopped testnet in $dir"
  else
    create_testnet "$dir" "$validators" "$learners" "$base_port" "$presets" "$events" \
      "$timeout_commit" "$chain_id" "$rounds" "$deadline_blocks" "$model_seed" "$model_hashes"
  fi
  [[ -z "$owner_pid" ]] || start_owner_watchdog "$dir" "$owner_pid"
  start_testnet "$dir" "$no_nodes"
}

# Starts a background loop that runs `down` once process OWNER_PID is gone, so a test run that
# dies without cleaning up leaves no processes behind.
start_owner_watchdog() {
  local dir="$1" owner_pid="$2"
  [[ "$owner_pid" =~ ^[0-9]+$ ]] && kill -0 "$owner_pid" 2>/dev/null \
    || die "--owner-pid $owner_pid is not a running process"
  start_process "$dir/run/owner-watchdog.pid" "$dir/logs/owner-watchdog.log" bash -c \
    'while kill -0 "$1" 2>/dev/null; do sleep 2; done; echo "owner pid $1 exited; stopping the testnet"; LARCO_DOWN_FROM_WATCHDOG=yes exec "$2" down --dir "$3"' \
    owner-watchdog "$owner_pid" "$DEPLOY_DIR/testnet" "$dir"
}

absolute_dir() {
  local dir="$1"
  mkdir -p "$dir" || die "cannot create directory $dir; pick a writable --dir"
  (cd "$dir" && pwd)
}

validate_up_options() {
  local validators="$1" learners="$2" base_port="$3" events="$4" timeout_commit="$5"
  local rounds="$6" deadline_blocks="$7" model_seed="$8" model_hashes="$9"
  [[ "$validators" =~ ^[1-9][0-9]*$ ]] || die "--validators $validators is not a positive integer"
  [[ "$learners" =~ ^[0-9]+$ ]] || die "--learners $learners is not a non-negative integer"
  [[ "$base_port" =~ ^[0-9]+$ ]] && (( base_port >= 1024 )) \
    || die "--base-port $base_port must be an integer >= 1024"
  local stakeholders=$(( validators > learners ? validators : learners ))
  local last_port=$(( base_port + stakeholders * PORT_STRIDE - 1 ))
  (( last_port <= 65535 )) || die "--base-port $base_port leaves no room for $stakeholders stakeholders (last port $last_port > 65535); use a lower base port"
  [[ "$events" =~ ^[1-9][0-9]*$ ]] || die "--events $events is not a positive integer"
  [[ "$timeout_commit" =~ ^[0-9]+(ms|s)$ ]] || die "--timeout-commit $timeout_commit is not a duration such as 500ms or 1s"
  [[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds $rounds is not a positive integer"
  [[ "$deadline_blocks" =~ ^[1-9][0-9]*$ ]] || die "--deadline-blocks $deadline_blocks is not a positive integer"
  [[ "$model_seed" =~ ^[0-9]+$ ]] || die "--model-seed $model_seed is not a non-negative integer"
  if [[ -n "$model_hashes" && ! "$model_hashes" =~ ^[0-9a-f]{64},[0-9a-f]{64}$ ]]; then
    die "--model-hashes $model_hashes must be two 64-digit lowercase hex hashes separated by a comma"
  fi
}

require_not_running() {
  local dir="$1" running
  running="$(running_pid_files "$dir/run" | wc -l)"
  if (( running > 0 )); then
    die "the testnet in $dir is already running ($running processes); see 'deploy/testnet status --dir $dir' or stop it with 'deploy/testnet down --dir $dir'"
  fi
}

create_testnet() {
  local dir="$1" validators="$2" learners="$3" base_port="$4" presets="$5" events="$6"
  local timeout_commit="$7" chain_id="$8" rounds="$9" deadline_blocks="${10}" model_seed="${11}"
  local model_hashes="${12}"
  local stakeholders=$(( validators > learners ? validators : learners ))
  [[ -z "$(ls -A "$dir")" ]] \
    || die "$dir is not empty and holds no testnet; pick an empty --dir or delete its contents"
  log "creating a testnet of $validators validators and $learners learners in $dir"

  # A failed creation leaves no half-made testnet behind, so the next `up` starts from scratch.
  CREATING_DIR="$dir"
  trap remove_failed_creation EXIT
  init_cometbft_homes "$dir" "$validators" "$stakeholders"
  write_stakeholders_file "$dir" "$validators" "$learners" "$stakeholders" "$base_port"
  configure_cometbft_homes "$dir" "$timeout_commit"
  create_learners "$dir" "$presets" "$events" "$chain_id"
  write_genesis "$dir" "$chain_id" "$rounds" "$deadline_blocks" "$model_seed" "$model_hashes"
  trap - EXIT
  CREATING_DIR=""
}

remove_failed_creation() {
  if [[ -n "${CREATING_DIR:-}" && -d "$CREATING_DIR" ]]; then
    echo "removing the partly created testnet in $CREATING_DIR" >&2
    find "$CREATING_DIR" -mindepth 1 -delete
  fi
}

init_cometbft_homes() {
  local dir="$1" validators="$2" stakeholders="$3" i name
  "$COMETBFT_BIN" testnet --v "$validators" --n $(( stakeholders - validators )) \
    --o "$dir/cometbft-init" --populate-persistent-peers=false >/dev/null \
    || die "'cometbft testnet' failed in $dir/cometbft-init"
  for (( i = 0; i < stakeholders; i++ )); do
    name="$(stakeholder_name "$i")"
    mkdir -p "$dir/$name"
    mv "$dir/cometbft-init/node$i" "$dir/$name/cometbft"
  done
  rmdir "$dir/cometbft-init"
}

write_stakeholders_file() {
  local dir="$1" validators="$2" learners="$3" stakeholders="$4" base_port="$5" i role learner
  : >"$dir/$STAKEHOLDERS_FILE"
  for (( i = 0; i < stakeholders; i++ )); do
    role=full
    (( i < validators )) && role=validator
    learner=no
    (( i < learners )) && learner=yes
    echo "$(stakeholder_name "$i") $role $learner" \
      "$(port_of "$base_port" "$i" "$P2P_OFFSET") $(port_of "$base_port" "$i" "$RPC_OFFSET")" \
      "$(port_of "$base_port" "$i" "$ABCI_OFFSET") $(port_of "$base_port" "$i" "$HTTP_OFFSET")" \
      >>"$dir/$STAKEHOLDERS_FILE"
  done
}

configure_cometbft_homes() {
  local dir="$1" timeout_commit="$2"
  local name role learner p2p rpc abci http peers node_id
  local -a addresses=()
  while read -r name role learner p2p rpc abci http; do
    node_id="$("$COMETBFT_BIN" show-node-id --home "$dir/$name/cometbft" </dev/null)"
    addresses+=("$node_id@127.0.0.1:$p2p")
  done <"$dir/$STAKEHOLDERS_FILE"

  local index=0
  while read -r name role learner p2p rpc abci http; do
    peers="$(printf '%s\n' "${addresses[@]}" | sed "$(( index + 1 ))d" | paste -sd, -)"
    configure_cometbft "$dir/$name/cometbft" "$name" "$p2p" "$rpc" "$abci" "$peers" "$timeout_commit"
    index=$(( index + 1 ))
  done <"$dir/$STAKEHOLDERS_FILE"
  printf '%s\n' "${addresses[@]}" >"$dir/peers"
}

# Creates each learner's key, node home and node.yaml, and collects the genesis members.
create_learners() {
  local dir="$1" presets="$2" events="$3" chain_id="$4"
  local name role learner p2p rpc abci http preset pub_key index=0
  local -a preset_list
  IFS=, read -r -a preset_list <<<"$presets"
  (( ${#preset_list[@]} > 0 )) || die "--preset-list is empty; give e.g. microboone,dune-fd,icarus"
  echo '[]' >"$dir/members.json"
  while read -r name role learner p2p rpc abci http; do
    [[ "$learner" == yes ]] || continue
    preset="${preset_list[$(( index % ${#preset_list[@]} ))]}"
    pub_key="$(new_key "$dir/$name/$name.key" "$name")"
    mkdir -p "$dir/$name/node" "$dir/$name/abci"
    write_node_config "$dir/$name/node.yaml" "$name" "$dir/$name/$name.key" "$dir/$name/node" \
      "$http" "$rpc" "$preset" "$events" "$(( index + 1 ))" "$chain_id"
    jq --arg name "$name" --arg key "$pub_key" --arg endpoint "http://127.0.0.1:$http" \
      '. + [{name: $name, pub_key: $key, endpoint: $endpoint}]' "$dir/members.json" >"$dir/members.json.tmp"
    mv "$dir/members.json.tmp" "$dir/members.json"
    index=$(( index + 1 ))
  done <"$dir/$STAKEHOLDERS_FILE"
}

# Prints {"model_spec_hash":..,"initial_weights_hash":..} after running `larco model init` in
# every learner's home with the same seed, and fails if the homes disagree.
init_model() {
  local dir="$1" model_seed="$2" name role learner rest hashes first=""
  while read -r name role learner rest; do
    [[ "$learner" == yes ]] || continue
    mkdir -p "$dir/$name/node"
    hashes="$(larco model init --home "$dir/$name/node" --seed "$model_seed" "${MODEL_ARGS[@]}" \
      | jq -c '{model_spec_hash, initial_weights_hash}')" \
      || die "'larco model init --home $dir/$name/node --seed $model_seed ${MODEL_ARGS[*]}' failed; see its message above"
    if [[ -z "$first" ]]; then
      first="$hashes"
    elif [[ "$hashes" != "$first" ]]; then
      die "'larco model init' gave $hashes for $name but $first for the first learner; the initial weights must be deterministic"
    fi
  done <"$dir/$STAKEHOLDERS_FILE"
  echo "$first"
}

write_genesis() {
  local dir="$1" chain_id="$2" rounds="$3" deadline_blocks="$4" model_seed="$5" model_hashes="$6"
  local hashes first_home name
  if [[ -n "$model_hashes" ]]; then
    hashes="$(jq -cn --arg spec "${model_hashes%,*}" --arg weights "${model_hashes#*,}" \
      '{model_spec_hash: $spec, initial_weights_hash: $weights}')"
  else
    hashes="$(init_model "$dir" "$model_seed")"
  fi
  [[ -n "$hashes" ]] || die "no learners to run 'larco model init'; give --learners >= 1 or --model-hashes"

  first_home="$dir/$(head -n 1 "$dir/$STAKEHOLDERS_FILE" | cut -d' ' -f1)/cometbft"
  jq --arg chain_id "$chain_id" --slurpfile members "$dir/members.json" \
    --argjson hashes "$hashes" --argjson rounds "$rounds" --argjson deadline "$deadline_blocks" '
    .chain_id = $chain_id
    | .app_state = {
        members: $members[0],
        params: {admission_threshold_num: 1, admission_threshold_den: 2,
                 admission_deadline_blocks: 30, max_missed_duties: 3},
        experiments: [{name: "testnet", model_spec_hash: $hashes.model_spec_hash,
                       initial_weights_hash: $hashes.initial_weights_hash,
                       threshold_num: 1, threshold_den: 2,
                       proposal_deadline_blocks: $deadline, vote_deadline_blocks: $deadline,
                       max_rounds: $rounds, competition: false, task: ""}]}' \
    "$first_home/config/genesis.json" >"$dir/genesis.json"
  rm -f "$dir/members.json"
  while read -r name _; do
    cp "$dir/genesis.json" "$dir/$name/cometbft/config/genesis.json"
  done <"$dir/$STAKEHOLDERS_FILE"
}

start_testnet() {
  local dir="$1" no_nodes="$2" name role learner p2p rpc abci http
  while read -r name role learner p2p rpc abci http; do
    require_free_ports "$p2p" "$rpc" "$abci"
    [[ "$learner" == yes && "$no_nodes" == no ]] && require_free_ports "$http"
  done <"$dir/$STAKEHOLDERS_FILE"

  while read -r name role learner p2p rpc abci http; do
    start_ledger "$dir" "$name" "$abci"
    start_process "$dir/run/$name-cometbft.pid" "$dir/logs/$name-cometbft.log" \
      "$COMETBFT_BIN" start --home "$dir/$name/cometbft"
  done <"$dir/$STAKEHOLDERS_FILE"
  wait_for_blocks "$dir"

  if [[ "$no_nodes" == no ]]; then
    while read -r name role learner p2p rpc abci http; do
      [[ "$learner" == yes ]] || continue
      LARCO_JAVA_OPTS="${NODE_JAVA_OPTS:-${LARCO_JAVA_OPTS:--Xmx1536m}}" start_process "$dir/run/$name-node.pid" "$dir/logs/$name-node.log" \
        "${LARCO_CMD[@]}" node --config "$dir/$name/node.yaml"
    done <"$dir/$STAKEHOLDERS_FILE"
    wait_for_nodes "$dir"
  fi
  print_endpoints "$dir" "$no_nodes"
}

start_ledger() {
  local dir="$1" name="$2" abci_port="$3"
  mkdir -p "$dir/$name/abci"
  LARCO_JAVA_OPTS="${ABCI_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}" \
    start_process "$dir/run/$name-abci.pid" "$dir/logs/$name-abci.log" \
    "${LARCO_CMD[@]}" abci --home "$dir/$name/abci" --listen "tcp://127.0.0.1:$abci_port"
}

# Waits until every CometBFT node has committed height 2, so the ledgers ran InitChain and a block.
wait_for_blocks() {
  local dir="$1" name role learner p2p rpc rest
  local timeout_s="${UP_TIMEOUT_S:-120}"
  while read -r name role learner p2p rpc rest; do
    if ! wait_for_height "http://127.0.0.1:$rpc" 2 "$timeout_s"; then
      tail -n 20 "$dir/logs/$name-abci.log" "$dir/logs/$name-cometbft.log" >&2 || true
      die "$name's CometBFT (RPC 127.0.0.1:$rpc) reached no height 2 within ${timeout_s}s; see the log lines above, then 'deploy/testnet down --dir $dir'"
    fi
  done <"$dir/$STAKEHOLDERS_FILE"
  log "all CometBFT nodes have committed blocks"
}

wait_for_nodes() {
  local dir="$1" name role learner p2p rpc abci http
  local deadline=$(( SECONDS + ${UP_TIMEOUT_S:-120} ))
  while read -r name role learner p2p rpc abci http; do
    [[ "$learner" == yes ]] || continue
    until curl --silent --fail --max-time 2 "http://127.0.0.1:$http/api/status" >/dev/null; do
      if ! is_running "$dir/run/$name-node.pid"; then
        tail -n 30 "$dir/logs/$name-node.log" >&2 || true
        die "$name's learner node exited; see the log lines above, then 'deploy/testnet down --dir $dir'"
      fi
      (( SECONDS < deadline )) || die "$name's learner node did not respond on 127.0.0.1:$http/api/status within ${UP_TIMEOUT_S:-120}s; see 'deploy/testnet logs $name node --dir $dir'"
      sleep 1
    done
  done <"$dir/$STAKEHOLDERS_FILE"
  log "all learner nodes answer on their HTTP ports"
}

print_endpoints() {
  local dir="$1" no_nodes="$2" name role learner p2p rpc abci http
  while read -r name role learner p2p rpc abci http; do
    if [[ "$learner" == yes && "$no_nodes" == no ]]; then
      echo "$name ($role): rpc http://127.0.0.1:$rpc node http://127.0.0.1:$http"
    else
      echo "$name ($role): rpc http://127.0.0.1:$rpc"
    fi
  done <"$dir/$STAKEHOLDERS_FILE"
}
