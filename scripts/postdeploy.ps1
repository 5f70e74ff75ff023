# azd postdeploy hook (Windows): gives the Web PubSub hub the key of the upstream function.
# Same steps as postdeploy.sh: create the key once, remember it as STOMP_UPSTREAM_KEY (fed back
# into every later `azd provision` by main.parameters.json), re-deploy only the hub module, which
# writes the key to Key Vault and adds the event handler whose URL holds a Key Vault reference.
# Needs the Azure CLI (`az login`) next to azd. Every az call names azd's subscription, which need
# not be az's default one.
$ErrorActionPreference = 'Stop'

$values = @{}
foreach ($line in (azd env get-values)) {
    if ($line -match '^([A-Za-z_][A-Za-z0-9_]*)="?(.*?)"?$') { $values[$Matches[1]] = $Matches[2] }
}
foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_NAME', 'AZURE_FUNCTION_URL', 'AZURE_KEY_VAULT_NAME', 'WEBPUBSUB_NAME', 'WEBPUBSUB_HUB') {
    if (-not $values[$name]) { throw "$name is not set: run azd provision first." }
}
$subscription = $values['AZURE_SUBSCRIPTION_ID']
$allowAnonymous = if ($values['WEBPUBSUB_ALLOW_ANONYMOUS'] -eq 'true') { $true } else { $false }
$upstreamFunction = 'webpubsub'

# Runs $Command until it succeeds; after $Tries failures throws with the last error it wrote.
function Invoke-WithRetry([int]$Tries, [int]$Pause, [string]$What, [scriptblock]$Command) {
    for ($attempt = 1; ; $attempt++) {
        $output = & $Command 2>&1
        if ($LASTEXITCODE -eq 0) { return }
        if ($attempt -ge $Tries) {
            [Console]::Error.WriteLine("Giving up: $What failed $Tries times. Last error:")
            [Console]::Error.WriteLine(($output | Out-String).Trim())
            throw "Giving up: $What failed."
        }
        Write-Host "${What}: attempt $attempt/$Tries failed, retrying in ${Pause}s..."
        Start-Sleep -Seconds $Pause
    }
}

$key = $values['STOMP_UPSTREAM_KEY']
if (-not $key) {
    # 64 hex characters: URL-safe, so the hub can put it into the URL as it is.
    $key = [Convert]::ToHexString([Security.Cryptography.RandomNumberGenerator]::GetBytes(32)).ToLowerInvariant()
    azd env set STOMP_UPSTREAM_KEY $key
}

# The host indexes functions a little after a deploy: retry for up to two minutes.
Invoke-WithRetry 12 10 "Setting the function key of '$upstreamFunction' on $($values['AZURE_FUNCTION_NAME'])" {
    az functionapp function keys set --subscription $subscription `
        --resource-group $values['AZURE_RESOURCE_GROUP'] --name $values['AZURE_FUNCTION_NAME'] `
        --function-name $upstreamFunction --key-name webpubsub --key-value $key --output none
}

# The key goes through a private parameters file, not the command line.
$params = New-TemporaryFile
try {
    @{
        '$schema'      = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#'
        contentVersion = '1.0.0.0'
        parameters     = @{
            webPubSubName         = @{ value = $values['WEBPUBSUB_NAME'] }
            hubName               = @{ value = $values['WEBPUBSUB_HUB'] }
            functionHostName      = @{ value = ($values['AZURE_FUNCTION_URL'] -replace '^https://', '') }
            keyVaultName          = @{ value = $values['AZURE_KEY_VAULT_NAME'] }
            upstreamKey           = @{ value = $key }
            allowAnonymousConnect = @{ value = $allowAnonymous }
        }
    } | ConvertTo-Json -Depth 5 | Set-Content -Path $params -Encoding utf8

    # Setting the handler makes the service validate it against the app (and read the key from Key
    # Vault with a role that may still be propagating): retry for up to three minutes.
    Invoke-WithRetry 6 30 "Deploying the event handler of hub '$($values['WEBPUBSUB_HUB'])'" {
        az deployment group create --subscription $subscription `
            --resource-group $values['AZURE_RESOURCE_GROUP'] --name webpubsub-hub `
            --template-file (Join-Path $PSScriptRoot '../infra/app/webpubsub-hub.bicep') `
            --parameters "@$params" --output none
    }
}
finally {
    Remove-Item $params -ErrorAction SilentlyContinue
}

Write-Host "STOMP endpoint: $($values['STOMP_URL'])"
Write-Host "Negotiate:      $($values['STOMP_NEGOTIATE_URL'])"
