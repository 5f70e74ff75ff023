using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace StompFunctions.Emulator.Auth;

/// <summary>
/// The audience rule of data-plane tokens (webpubsub-protocol.md §4.2): the audience equals the request URL
/// (scheme, host, path base and raw target) with or without its query, compared case-insensitively, URL-decoded,
/// trailing <c>/</c> ignored. SDKs escape path segments differently (":" and "/" in names); decoding both sides
/// makes them comparable. The request side is decoded into a buffer and compared as spans, never built as strings.
/// </summary>
internal static class RequestAudience
{
    private const int StackLimit = 256;

    /// <summary>The audience as compared: URL-decoded, without trailing <c>/</c>; computed once per verified token.</summary>
    public static string Normalize(string audience) => Uri.UnescapeDataString(audience).TrimEnd('/');

    /// <summary>True when <paramref name="normalizedAudience"/> (from <see cref="Normalize"/>) names this request's URL.</summary>
    public static bool Matches(string normalizedAudience, HttpRequest request)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var scheme = request.Scheme;
        var host = request.Host.Value ?? string.Empty;
        var pathBase = request.PathBase.HasValue ? request.PathBase.ToUriComponent() : string.Empty;
        var length = scheme.Length + "://".Length + host.Length + pathBase.Length + target.Length;

        char[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc char[2 * StackLimit] : (rented = ArrayPool<char>.Shared.Rent(2 * length));
        try
        {
            var url = buffer[..length];
            var decoded = buffer.Slice(length, length);
            var written = 0;
            foreach (var part in (ReadOnlySpan<string>)[scheme, "://", host, pathBase, target])
            {
                part.CopyTo(url[written..]);
                written += part.Length;
            }

            var queryStart = target.IndexOf('?', StringComparison.Ordinal);
            var withoutQuery = queryStart < 0 ? url : url[..(length - target.Length + queryStart)];
            return DecodedEquals(url, decoded, normalizedAudience)
                || (queryStart >= 0 && DecodedEquals(withoutQuery, decoded, normalizedAudience));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // Decoding never lengthens the text, so a buffer of the input's length always suffices.
    private static bool DecodedEquals(ReadOnlySpan<char> url, Span<char> decoded, string normalizedAudience) =>
        Uri.TryUnescapeDataString(url, decoded, out var count)
        && decoded[..count].TrimEnd('/').Equals(normalizedAudience, StringComparison.OrdinalIgnoreCase);
}
