using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StompFunctions.WebPubSub;

namespace StompFunctions.Functions.Triggers;

/// <summary>
/// The Web PubSub upstream of the stomp hub: every client event (connect, connected, message,
/// disconnected) and the abuse-protection OPTIONS preflight. The hub's urlTemplate is
/// https://{app}/api/webpubsub/{event}?code={function key} (infra/app/webpubsub-hub.bicep).
/// Public because the Functions worker only indexes public functions.
/// </summary>
public sealed class WebPubSubFunction(StompUpstreamHandler handler)
{
    [Function(FunctionNames.WebPubSub)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", "options", Route = "webpubsub/{evt?}")] HttpRequest request)
    {
        // The handler writes the whole answer (status, ce-connectionState, reply frames) itself.
        await handler.HandleAsync(request.HttpContext);
        return new EmptyResult();
    }
}
