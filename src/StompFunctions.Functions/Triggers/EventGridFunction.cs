using Microsoft.Azure.Functions.Worker;
using StompFunctions.EventGrid;

namespace StompFunctions.Functions.Triggers;

/// <summary>
/// Azure events (CloudEvents or Event Grid schema) become STOMP messages on the destinations the
/// EventGrid section maps them to. Subscribe it with the eventgrid_extension system key:
/// https://{app}/runtime/webhooks/eventgrid?functionName=eventgrid&amp;code={key}.
/// </summary>
public sealed class EventGridFunction(EventGridIngress ingress)
{
    [Function(FunctionNames.EventGrid)]
    public async Task RunAsync([EventGridTrigger] string payload, CancellationToken cancellationToken)
    {
        // Bound as the raw JSON so both schemas go through the same tested parser.
        await ingress.PublishAsync(BinaryData.FromString(payload), cancellationToken);
    }
}
