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

    public Task BadRequestAsync(string message, string? target = null) =>
        ServiceError.WriteAsync(Context, ServiceErrorCode.BadRequest, message, target);

    public Task NotFoundAsync(string message, string? target = null) =>
        ServiceError.WriteAsync(Context, ServiceErrorCode.NotFound, message, target);

    public Task ConnectionNotFoundAsync(string connectionId) =>
        NotFoundAsync($"The connection '{connectionId}' does not exist.", "connectionId");

    public Task InvalidGroupAsync() =>
        BadRequestAsync("A group name must have 1 to 1024 characters and not be only whitespace.", "group");

    public Task PayloadTooLargeAsync(int max) =>
        ServiceError.WriteAsync(Context, ServiceErrorCode.PayloadTooLarge, $"The message exceeds the limit of {max} bytes.");

    /// <summary>The request body, or null when it is longer than <paramref name="max"/>.</summary>
    public Task<byte[]?> ReadBodyAsync(int max) =>
        BoundedBody.ReadAsync(Request.Body, Request.ContentLength, max, Context.RequestAborted);
}
