# azd postdeploy hook (Windows): gives the Web PubSub hub the key of the upstream function.
# Same steps as postdeploy.sh: create the key once, remember it as STOMP_UPSTREAM_KEY (fed back
# into every later `azd provision` by main.parameters.json), re-deploy only the hub module.
# Needs the Azure CLI (`az login`) next to azd.
$ErrorActionPreference = 'Stop'

$values = @{}
foreach ($line in (azd env get-values)) {
    if ($line -match '^([A-Za-z_][A-Za-z0-9_]*)="?(.*?)"?$') { $values[$Matches[1]] = $Matches[2] }
}
foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_NAME', 'AZURE_FUNCTION_URL', 'WEBPUBSUB_NAME', 'WEBPUBSUB_HUB') {
    if (-not $values[$name]) { throw "$name is not set: run azd provision first." }
}
$allowAnonymous = if ($values['WEBPUBSUB_ALLOW_ANONYMOUS'] -eq 'true') { $true } else { $false }
$upstreamFunction = 'webpubsub'

$key = $values['STOMP_UPSTREAM_KEY']
if (-not $key) {
    # 64 hex characters: URL-safe, so it can sit in the hub's urlTemplate as is.
    $key = [Convert]::ToHexString([Security.Cryptography.RandomNumberGenerator]::GetBytes(32)).ToLowerInvariant()
    azd env set STOMP_UPSTREAM_KEY $key
}

# The host indexes functions a little after a deploy: retry for up to two minutes.
for ($attempt = 1; ; $attempt++) {
    az functionapp function keys set --resource-group $values['AZURE_RESOURCE_GROUP'] --name $values['AZURE_FUNCTION_NAME'] `
        --function-name $upstreamFunction --key-name webpubsub --key-value $key --output none 2>$null
    if ($LASTEXITCODE -eq 0) { break }
    if ($attempt -ge 12) { throw "Could not set the function key of '$upstreamFunction' on $($values['AZURE_FUNCTION_NAME'])." }
    Write-Host "Waiting for the function host ($attempt/12)..."
    Start-Sleep -Seconds 10
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
            upstreamKey           = @{ value = $key }
            allowAnonymousConnect = @{ value = $allowAnonymous }
        }
    } | ConvertTo-Json -Depth 5 | Set-Content -Path $params -Encoding utf8

    az deployment group create --resource-group $values['AZURE_RESOURCE_GROUP'] --name webpubsub-hub `
        --template-file (Join-Path $PSScriptRoot '../infra/app/webpubsub-hub.bicep') `
        --parameters "@$params" --output none
    if ($LASTEXITCODE -ne 0) { throw 'Deploying the hub failed.' }
}
finally {
    Remove-Item $params -ErrorAction SilentlyContinue
}

Write-Host "STOMP endpoint: $($values['STOMP_URL'])"
Write-Host "Negotiate:      $($values['STOMP_NEGOTIATE_URL'])"
