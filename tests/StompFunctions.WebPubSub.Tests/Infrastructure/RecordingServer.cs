using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StompFunctions.WebPubSub.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP server that records every request and answers with a status chosen per request,
/// standing in for the Web PubSub REST API where a test needs to see the exact wire requests.
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Decides the answer; the default follows the REST spec's success codes.</summary>
    public Func<RecordedRequest, int, (int Status, IDictionary<string, string>? Headers, string? Body)> Responder { get; set; } = DefaultResponse;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<RecordingServer> StartAsync(X509Certificate2? httpsCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (httpsCertificate is not null)
            {
                listen.UseHttps(httpsCertificate);
            }
        }));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer s
            ? s.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("No server.");
        server.BaseAddress = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static (int, IDictionary<string, string>?, string?) DefaultResponse(RecordedRequest request, int attempt)
    {
        var path = request.Path;
        return request.Method switch
        {
            "POST" when path.EndsWith("/:generateToken", StringComparison.Ordinal) => (200, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, "{\"token\":\"service-minted\"}"),
            "POST" when path.EndsWith("/:closeConnections", StringComparison.Ordinal) => (204, null, null),
            "POST" => (202, null, null),
            "PUT" => (200, null, null),
            "DELETE" => (204, null, null),
            "HEAD" => (path.Contains("/missing", StringComparison.Ordinal) ? 404 : 200, null, null),
            _ => (405, null, null),
        };
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.ToUriComponent(),
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray(),
            DateTimeOffset.UtcNow,
            context.Connection.Id);
        var attempt = Requests.Count(r => r.Method == request.Method && r.Path == request.Path);
        Requests.Enqueue(request);
        var (status, headers, text) = Responder(request, attempt);
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (text is not null)
        {
            await context.Response.WriteAsync(text);
        }
    }
}

internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt, string ConnectionId)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public string Target => Path + Query;
}
