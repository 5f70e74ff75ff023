#!/bin/sh
# azd postdeploy hook: gives the Web PubSub hub the key of the upstream function.
# The key can only be set once the app runs (after the first deploy), so this script creates it
# once, remembers it in the azd environment (STOMP_UPSTREAM_KEY, which main.parameters.json feeds
# back into every later `azd provision`), and re-deploys only the hub module with it.
# Needs the Azure CLI (`az login`) next to azd.
set -eu

eval "$(azd env get-values)"

: "${AZURE_RESOURCE_GROUP:?run azd provision first}"
: "${AZURE_FUNCTION_NAME:?run azd provision first}"
: "${AZURE_FUNCTION_URL:?run azd provision first}"
: "${WEBPUBSUB_NAME:?run azd provision first}"
: "${WEBPUBSUB_HUB:?run azd provision first}"
case "${WEBPUBSUB_ALLOW_ANONYMOUS:-false}" in
  true|True) allow_anonymous=true ;;
  *) allow_anonymous=false ;;
esac
upstream_function="webpubsub"

key="${STOMP_UPSTREAM_KEY:-}"
if [ -z "$key" ]; then
  # 64 hex characters: URL-safe, so it can sit in the hub's urlTemplate as is.
  key=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
  azd env set STOMP_UPSTREAM_KEY "$key"
fi

# The host indexes functions a little after a deploy: retry for up to two minutes.
attempt=1
until az functionapp function keys set \
    --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_NAME" \
    --function-name "$upstream_function" --key-name webpubsub --key-value "$key" \
    --output none 2>/dev/null; do
  if [ "$attempt" -ge 12 ]; then
    echo "Could not set the function key of '$upstream_function' on $AZURE_FUNCTION_NAME." >&2
    exit 1
  fi
  echo "Waiting for the function host ($attempt/12)..."
  attempt=$((attempt + 1))
  sleep 10
done

# The key goes through a private parameters file, not the command line.
params=$(mktemp)
trap 'rm -f "$params"' EXIT
chmod 600 "$params"
cat > "$params" <<JSON
{
  "\$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "webPubSubName": { "value": "$WEBPUBSUB_NAME" },
    "hubName": { "value": "$WEBPUBSUB_HUB" },
    "functionHostName": { "value": "${AZURE_FUNCTION_URL#https://}" },
    "upstreamKey": { "value": "$key" },
    "allowAnonymousConnect": { "value": $allow_anonymous }
  }
}
JSON

az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" --name webpubsub-hub \
  --template-file "$(dirname "$0")/../infra/app/webpubsub-hub.bicep" \
  --parameters "@$params" --output none

echo "STOMP endpoint: ${STOMP_URL:-}"
echo "Negotiate:      ${STOMP_NEGOTIATE_URL:-}"
