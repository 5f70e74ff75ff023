using System.Text.Json;
using Azure;
using Azure.Core;

namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// Gives a failed Table response its error code, so <see cref="RequestFailedException.ErrorCode"/> reads as with
/// Azure.Data.Tables (<c>TableNotFound</c>, <c>EntityAlreadyExists</c>, <c>UpdateConditionNotSatisfied</c>): the
/// <c>x-ms-error-code</c> header when present, else <c>odata.error.code</c> of the JSON body
/// (table-storage-rest.md §6). The message names status and code only; bodies may echo keys.
/// </summary>
internal sealed class TableErrorParser : RequestFailedDetailsParser
{
    public const string ErrorCodeHeader = "x-ms-error-code";

    public static TableErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        // Only a buffered body is read (the pipeline buffers every response of this client).
        var header = response.Headers.TryGetValue(ErrorCodeHeader, out var value) ? value : null;
        var code = Code(header, response.ContentStream is MemoryStream ? response.Content.ToMemory().Span : default);
        error = new ResponseError(code, Message(response.Status, code));
        return true;
    }

    /// <summary>The error code: the header's when given, else the body's <c>odata.error.code</c>, else none.</summary>
    public static string? Code(string? header, ReadOnlySpan<byte> body) => header ?? CodeFromBody(body);

    /// <summary>The failure's message: status and code only.</summary>
    public static string Message(int status, string? code) => $"Table Storage answered {status} {code}.";

    private static string? CodeFromBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            var depth = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        depth++;
                        break;
                    case JsonTokenType.EndObject:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName when depth == 2 && reader.ValueTextEquals("code"u8):
                        reader.Read();
                        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
            // Not the documented error body (a proxy's HTML page, say): the status alone has to do.
        }

        return null;
    }
}
