using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace StompFunctions.WebPubSub.Sending;

/// <summary>
/// The <see cref="Response"/> of a direct send, over its HTTP answer (read to the end, so it holds no connection):
/// status, reason and headers are read from it only when asked for. Sends answer without content.
/// </summary>
internal sealed class DirectResponse(HttpResponseMessage response, string clientRequestId) : Response
{
    public override int Status => (int)response.StatusCode;

    public override string ReasonPhrase => response.ReasonPhrase ?? string.Empty;

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = clientRequestId;

    public override void Dispose()
    {
        ContentStream?.Dispose();
        response.Dispose();
    }

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = TryGetHeaderValues(name, out var values) ? string.Join(',', values) : null;
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values) =>
        response.Headers.TryGetValues(name, out values) || response.Content.Headers.TryGetValues(name, out values);

    protected override bool ContainsHeader(string name) => TryGetHeaderValues(name, out _);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() =>
        response.Headers.Concat(response.Content.Headers).Select(static h => new HttpHeader(h.Key, string.Join(',', h.Value)));
}
