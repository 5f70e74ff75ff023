using Microsoft.AspNetCore.Http;
using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub;

public sealed partial class StompUpstreamHandler
{
    /// <summary>
    /// The <c>disconnected</c> notification: the engine removes every subscription and session row of the connection,
    /// using the state the event brings. On failure the answer is 503 so that a retrying service calls again
    /// (the cleanup is idempotent); the collector catches whatever is still left.
    /// </summary>
    private async Task HandleDisconnectedAsync(HttpContext context, UpstreamEvent upstreamEvent)
    {
        try
        {
            await _engine.HandleDisconnectedAsync(upstreamEvent.ConnectionId, upstreamEvent.ConnectionState, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            Log.DisconnectFailed(_logger, e, upstreamEvent.ConnectionId);
            await WriteProblemAsync(context, UpstreamProblem.CleanupFailed).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
