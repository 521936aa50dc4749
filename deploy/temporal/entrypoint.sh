#!/bin/bash
# Entrypoint of the `temporal` service in docker-compose.yml. It wraps the entrypoint of the
# temporalio/auto-setup image (/etc/temporal/entrypoint.sh). That entrypoint sets up the schema,
# the default namespace and then the server. Alongside it, this script starts a background job
# that adds sagsflow's custom search attributes as soon as the namespace exists.
set -eu -o pipefail

bash "$(dirname "$0")/search-attributes.sh" register &

exec /etc/temporal/entrypoint.sh "$@"
