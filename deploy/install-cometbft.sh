#!/usr/bin/env bash
# Installs the pinned CometBFT into <repo>/.tools/bin unless it is already there, then prints
# the binary's path. Needs Go >= 1.22.11 and the Go module proxy.
set -euo pipefail

readonly COMETBFT_VERSION="v0.38.25"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="${LARCO_TOOLS_DIR:-$repo_root/.tools}/bin"
binary="$bin_dir/cometbft"

installed_version() {
  "$binary" version 2>/dev/null | head -n 1
}

if [[ -x "$binary" && "$(installed_version)" == "${COMETBFT_VERSION#v}" ]]; then
  echo "$binary"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "error: 'go' not found on PATH; install Go >= 1.22.11 to build CometBFT $COMETBFT_VERSION" >&2
  exit 1
fi

mkdir -p "$bin_dir"
echo "installing CometBFT $COMETBFT_VERSION into $bin_dir" >&2
GOBIN="$bin_dir" GOFLAGS="-mod=mod" go install "github.com/cometbft/cometbft/cmd/cometbft@$COMETBFT_VERSION" >&2

if [[ "$(installed_version)" != "${COMETBFT_VERSION#v}" ]]; then
  echo "error: $binary reports version '$(installed_version)', expected ${COMETBFT_VERSION#v}" >&2
  exit 1
fi
echo "$binary"
