#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine with .NET 10 and Node 20+.
# Installs what the tests need by itself (npm packages: stompjs, Azurite, Microsoft's Web PubSub
# SDKs, Playwright, the Bicep grammar). Chromium and python3-stomp come from Debian: .ci/run
# installs them when it runs as root; browser and stomp.py tests say plainly when they are missing.
#
# StompFunctions.Ci.slnf lists every project, the Azure Functions app included.
set -euo pipefail
cd "$(dirname "$0")/.."

out="test-output"
mkdir -p "$out"

echo "== npm packages"
if [ -L node_modules ]; then
  # A worktree sharing another checkout's packages through a link: npm ci would empty the shared folder.
  echo "node_modules is a link to shared packages: not reinstalling"
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

echo "== .NET build"
dotnet build StompFunctions.Ci.slnf -c Release

echo "== .NET tests"
dotnet test StompFunctions.Ci.slnf -c Release --no-build \
  --logger "trx" --results-directory "$out/dotnet" \
  --logger "console;verbosity=normal"

shopt -s globstar nullglob
js_tests=(tests/js/**/*.test.mjs)
if [ ${#js_tests[@]} -gt 0 ]; then
  echo "== Node tests (${#js_tests[@]} files)"
  node --test --test-concurrency=1 --test-reporter=spec "${js_tests[@]}"
fi

echo "== all tests passed"
