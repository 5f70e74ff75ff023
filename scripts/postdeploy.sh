#!/bin/sh
# azd postdeploy hook: gives the Web PubSub hub the key of the upstream function.
# The key can only be set once the app runs (after the first deploy), so this script creates it
# once, remembers it in the azd environment (STOMP_UPSTREAM_KEY, which main.parameters.json feeds
# back into every later `azd provision`), and re-deploys only the hub module with it: that module
# writes the key to Key Vault and adds the event handler, whose URL holds a Key Vault reference.
# Needs the Azure CLI (`az login`) next to azd. Every az call names azd's subscription, which need
# not be az's default one.
set -eu

eval "$(azd env get-values)"

: "${AZURE_SUBSCRIPTION_ID:?azd sets it: run azd provision first}"
: "${AZURE_RESOURCE_GROUP:?run azd provision first}"
: "${AZURE_FUNCTION_NAME:?run azd provision first}"
: "${AZURE_FUNCTION_URL:?run azd provision first}"
: "${AZURE_KEY_VAULT_NAME:?run azd provision first}"
: "${WEBPUBSUB_NAME:?run azd provision first}"
: "${WEBPUBSUB_HUB:?run azd provision first}"
case "${WEBPUBSUB_ALLOW_ANONYMOUS:-false}" in
  true|True) allow_anonymous=true ;;
  *) allow_anonymous=false ;;
esac
upstream_function="webpubsub"

# Private files for the key (never on a command line) and for the last error of a retried call.
params=$(mktemp)
errors=$(mktemp)
trap 'rm -f "$params" "$errors"' EXIT
chmod 600 "$params"

# retry TRIES PAUSE WHAT COMMAND...: runs COMMAND until it succeeds; after TRIES failures it prints
# the last error the command wrote and fails.
retry() {
  tries=$1 pause=$2 what=$3
  shift 3
  attempt=1
  until "$@" 2>"$errors"; do
    if [ "$attempt" -ge "$tries" ]; then
      echo "Giving up: $what failed $tries times. Last error:" >&2
      cat "$errors" >&2
      return 1
    fi
    echo "$what: attempt $attempt/$tries failed, retrying in ${pause}s..."
    attempt=$((attempt + 1))
    sleep "$pause"
  done
}

key="${STOMP_UPSTREAM_KEY:-}"
if [ -z "$key" ]; then
  # 64 hex characters: URL-safe, so the hub can put it into the URL as it is.
  key=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
  azd env set STOMP_UPSTREAM_KEY "$key"
fi

# The host indexes functions a little after a deploy: retry for up to two minutes.
retry 12 10 "Setting the function key of '$upstream_function' on $AZURE_FUNCTION_NAME" \
  az functionapp function keys set --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_NAME" \
    --function-name "$upstream_function" --key-name webpubsub --key-value "$key" --output none

cat > "$params" <<JSON
{
  "\$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "webPubSubName": { "value": "$WEBPUBSUB_NAME" },
    "hubName": { "value": "$WEBPUBSUB_HUB" },
    "functionHostName": { "value": "${AZURE_FUNCTION_URL#https://}" },
    "keyVaultName": { "value": "$AZURE_KEY_VAULT_NAME" },
    "upstreamKey": { "value": "$key" },
    "allowAnonymousConnect": { "value": $allow_anonymous }
  }
}
JSON

# Setting the handler makes the service validate it against the app (and read the key from Key
# Vault with a role that may still be propagating): retry for up to three minutes.
retry 6 30 "Deploying the event handler of hub '$WEBPUBSUB_HUB'" \
  az deployment group create --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" --name webpubsub-hub \
    --template-file "$(dirname "$0")/../infra/app/webpubsub-hub.bicep" \
    --parameters "@$params" --output none

echo "STOMP endpoint: ${STOMP_URL:-}"
echo "Negotiate:      ${STOMP_NEGOTIATE_URL:-}"
