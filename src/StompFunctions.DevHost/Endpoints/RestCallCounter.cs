namespace StompFunctions.DevHost.Endpoints;

/// <summary>
/// Counts the data-plane REST calls (<c>/api/hubs/…</c>) the engine makes to the emulator, for the load tool's
/// "REST calls per message"; read at <c>GET /devhost/stats</c>.
/// </summary>
internal sealed class RestCallCounter(RequestDelegate next)
{
    private static long _count;

    public static long Count => Interlocked.Read(ref _count);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api/hubs", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }

        return next(context);
    }
}
