using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// One authenticated data-plane call: the hub, the names in its path (the segments after the hub at odd positions,
/// URL-decoded: <c>groups/{1}/connections/{3}</c>) and the api-version.
/// </summary>
internal readonly record struct RestCall(HttpContext Context, string HubName, HubState Hub, string ApiVersion, string? FirstName, string? SecondName)
{
    public HttpRequest Request => Context.Request;

    /// <summary>The name at <paramref name="index"/> of the segments after the hub (1 or 3).</summary>
    public string Segment(int index) => index switch
    {
        1 when FirstName is not null => FirstName,
        3 when SecondName is not null => SecondName,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The route has no name there."),
    };

    public IReadOnlyList<string> QueryValues(string name) => RestQuery.All(Request.QueryString, name);

    public string? Query(string name) => RestQuery.First(Request.QueryString, name);

    public Task StatusAsync(int status)
    {
        Context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Writes the refusal <paramref name="error"/>, its message formatted with <paramref name="args"/>.</summary>
    public Task FailAsync(EmulatorError error, params ReadOnlySpan<object?> args) =>
        ServiceError.WriteAsync(Context, error, args);

    /// <summary>The request body, or null when it is longer than <paramref name="max"/>.</summary>
    public ValueTask<byte[]?> ReadBodyAsync(int max) =>
        BoundedBody.ReadAsync(Request.Body, Request.ContentLength, max, Context.RequestAborted);
}
