using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using StompFunctions.WebPubSub.ClientAccess;

namespace StompFunctions.Functions.Triggers;

/// <summary>
/// GET or POST /api/negotiate answers {"url":"wss://…/client/hubs/stomp?access_token=…"} for stompjs'
/// brokerURL. Anonymous like Microsoft's negotiate samples: the token only opens a socket; who the
/// user is gets settled by the STOMP CONNECT hooks (login/passcode) or by App Service authentication.
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
