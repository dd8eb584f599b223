# Sourced by install.sh (and by its unit test): removes from the environment every variable that
# an outer npm or npm script sets for its child processes, so that a nested `npm install` sees the
# environment a plain shell gives it.
#
# Why: `npm test` runs this script through npm, which exports npm_config_* (its whole
# configuration, user-agent included), npm_lifecycle_*, npm_package_* and npm_execpath /
# npm_node_execpath / npm_command. A nested npm reads npm_config_* as its own settings; code-server's
# postinstall reads the Node.js major version from npm_config_user_agent and refused to install
# ("requires node v24 … you are on node v20") because the outer npm ran under Node.js 20.
clean_npm_env() {
  local name
  while IFS= read -r name; do
    case "$name" in
      npm_config_* | NPM_CONFIG_* | npm_lifecycle_* | npm_package_* | npm_execpath | npm_node_execpath | npm_command | INIT_CWD | NODE_ENV | NODE_OPTIONS)
        unset "$name" ;;
    esac
  done < <(compgen -e)
}
