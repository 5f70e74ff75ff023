using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>One authenticated data-plane call: the hub, the decoded path segments after it and the api-version.</summary>
internal sealed record RestCall(HttpContext Context, string HubName, HubState Hub, IReadOnlyList<string> Segments, string ApiVersion)
{
    public HttpRequest Request => Context.Request;

    public string Segment(int index) => Segments[index];

    public IReadOnlyList<string> QueryValues(string name) => Request.Query[name].Where(static v => v is not null).Select(static v => v!).ToList();

    public string? Query(string name) => Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public Task StatusAsync(int status)
    {
        Context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Writes the refusal <paramref name="error"/>, its message formatted with <paramref name="args"/>.</summary>
    public Task FailAsync(EmulatorError error, params ReadOnlySpan<object?> args) =>
        ServiceError.WriteAsync(Context, error, args);

    /// <summary>The request body, or null when it is longer than <paramref name="max"/>.</summary>
    public Task<byte[]?> ReadBodyAsync(int max) =>
        BoundedBody.ReadAsync(Request.Body, Request.ContentLength, max, Context.RequestAborted);
}
