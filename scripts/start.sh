#!/bin/sh
# `npm start` (`npm run dev`: --dev): scripts/prepare-start.ts validates the environment, builds when the
# sources changed, migrates the database and prints the address, then exits; the server (`next start`, or
# `next dev`) then replaces this shell (exec). One process serves and nothing waits beside it: a supervisor
# would hold the memory of everything the preparation loaded for as long as the server runs.
set -e
node=${npm_node_execpath:-node}
export NEXT_TELEMETRY_DISABLED=1
"$node" --import tsx scripts/prepare-start.ts "$@"
if [ "${1:-}" = "--dev" ]; then
  # next dev passes its own options on to the process it forks through NODE_OPTIONS, which refuses V8's
  # heap flags; they tune production ingest, not development.
  exec "$node" node_modules/next/dist/bin/next dev -p "${PORT:-3000}"
fi
# shellcheck disable=SC2046 # the options are words without spaces
exec "$node" $("$node" scripts/server-node-flags.mjs) node_modules/next/dist/bin/next start -p "${PORT:-3000}"
