using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StompFunctions.WebPubSub.Publishing;

namespace StompFunctions.Functions.Triggers;

/// <summary>
/// POST /api/publish/topic/news?code={function key}: the body (with its Content-Type and any
/// stomp-NAME headers) goes to every subscriber of /topic/news.
/// </summary>
public sealed class PublishFunction(StompPublishHandler handler)
{
    [Function(FunctionNames.Publish)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "publish/{*destination}")] HttpRequest request,
        string? destination)
    {
        await handler.HandleAsync(request.HttpContext, destination);
        return new EmptyResult();
    }
}
