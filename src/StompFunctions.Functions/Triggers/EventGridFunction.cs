using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StompFunctions.EventGrid.Webhook;

namespace StompFunctions.Functions.Triggers;

/// <summary>
/// Azure events (CloudEvents or Event Grid schema) become STOMP messages on the destinations the EventGrid
/// section maps them to. Event Grid calls it as a webhook: https://{app}/api/eventgrid?code={function key};
/// the handler answers both schemas' validation handshakes itself.
/// </summary>
public sealed class EventGridFunction(EventGridWebhookHandler handler)
{
    [Function(FunctionNames.EventGrid)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", "options", Route = "eventgrid")] HttpRequest request)
    {
        await handler.HandleAsync(request.HttpContext);
        return new EmptyResult();
    }
}
