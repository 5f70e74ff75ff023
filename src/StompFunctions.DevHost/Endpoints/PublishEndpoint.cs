using StompFunctions.Broker;
using StompFunctions.Broker.Ports;

namespace StompFunctions.DevHost.Endpoints;

/// <summary>
/// <c>POST /api/publish?destination=/topic/x</c>: server-side publishing through the engine's publish API, the way
/// a timer or another service would. The request body becomes the MESSAGE body and its Content-Type its
/// <c>content-type</c>.
/// </summary>
internal static class PublishEndpoint
{
    /// <summary>The largest WebSocket message Web PubSub carries (1 MB), so nothing bigger can be delivered.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, IStompPublisher publisher)
    {
        var destination = context.Request.Query["destination"].ToString();
        if (destination.Length == 0 || destination[0] != '/')
        {
            return Results.Text("Give the destination as ?destination=/topic/... (it starts with '/').", statusCode: StatusCodes.Status400BadRequest);
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.Text($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > MaxBodyBytes)
        {
            return Results.Text($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var headers = context.Request.ContentType is { Length: > 0 } contentType
            ? new[] { KeyValuePair.Create("content-type", contentType) }
            : null;
        try
        {
            var routes = await publisher.PublishAsync(destination, body.GetBuffer().AsMemory(0, (int)body.Length), headers, context.RequestAborted);
            return Results.Json(new { destination, routes }, statusCode: StatusCodes.Status202Accepted);
        }
        catch (StompStoreUnavailableException)
        {
            return Results.Text("The state store is unavailable; nothing was published.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (ArgumentException e)
        {
            return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
