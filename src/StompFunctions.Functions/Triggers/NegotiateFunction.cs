using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StompFunctions.WebPubSub.ClientAccess;

namespace StompFunctions.Functions.Triggers;

/// <summary>
/// GET or POST /api/negotiate answers {"url":"wss://…/client/hubs/stomp?access_token=…"} for stompjs'
/// brokerURL. Anonymous at the Functions level: the handler itself authenticates the caller (a bearer JWT
/// or the App Service principal, from the ClientAuthentication settings; closed when none are set) and
/// puts its user id and roles into the token (docs/who-may-connect.md).
/// </summary>
public sealed class NegotiateFunction(StompNegotiateHandler handler)
{
    [Function(FunctionNames.Negotiate)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "negotiate")] HttpRequest request)
    {
        await handler.HandleAsync(request.HttpContext);
        return new EmptyResult();
    }
}
