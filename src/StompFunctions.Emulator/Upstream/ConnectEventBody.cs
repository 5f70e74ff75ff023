using System.Buffers;
using System.Text.Json;
using StompFunctions.Emulator.Auth;

namespace StompFunctions.Emulator.Upstream;

/// <summary>
/// The JSON body of the <c>connect</c> event (webpubsub-protocol.md §2.6): claims, query without
/// <c>access_token</c>, headers without <c>Authorization</c>, offered subprotocols, client certificates.
/// </summary>
internal static class ConnectEventBody
{
    public static byte[] Write(ClientClaims claims, HttpRequest request, IReadOnlyList<string> subprotocols)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();

            writer.WriteStartObject("claims");
            foreach (var (type, values) in claims.All)
            {
                WriteArray(writer, type, values);
            }

            writer.WriteEndObject();

            writer.WriteStartObject("query");
            foreach (var (name, values) in request.Query)
            {
                if (!string.Equals(name, "access_token", StringComparison.OrdinalIgnoreCase))
                {
                    WriteArray(writer, name, values);
                }
            }

            writer.WriteEndObject();

            writer.WriteStartObject("headers");
            foreach (var (name, values) in request.Headers)
            {
                if (!string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    WriteArray(writer, name, values);
                }
            }

            writer.WriteEndObject();

            WriteArray(writer, "subprotocols", subprotocols);

            // Client certificates need TLS client authentication, which a local emulator does not do.
            writer.WriteStartArray("clientCertificates");
            writer.WriteEndArray();

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string?> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
