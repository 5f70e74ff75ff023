using System.Text;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;

namespace StompFunctions.EventGrid.Parsing;

/// <summary>
/// Reads one delivery (a single event or a JSON array of events) in the CloudEvents 1.0 or the
/// Event Grid schema with the Azure SDK's own parsers, so that their validation applies. The schema
/// is told by the <c>specversion</c> attribute only CloudEvents carry.
/// </summary>
internal static class EventPayloadParser
{
    private const string JsonContentType = "application/json";

    public static bool TryParse(BinaryData payload, out IReadOnlyList<IncomingEvent> events, out string? error)
    {
        events = [];
        try
        {
            using var document = JsonDocument.Parse(payload);
            var elements = Elements(document.RootElement);
            if (elements is null)
            {
                error = "the payload is neither a JSON object nor a non-empty JSON array of objects.";
                return false;
            }

            events = elements[0].TryGetProperty("specversion", out _)
                ? FromCloudEvents(payload, elements)
                : FromEventGridEvents(payload);
            error = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            // The SDK reports a missing required attribute as ArgumentException, bad JSON as JsonException.
            error = e.Message;
            return false;
        }
    }

    private static List<JsonElement>? Elements(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return [root];
        }

        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            return null;
        }

        var elements = new List<JsonElement>(root.GetArrayLength());
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            elements.Add(element);
        }

        return elements;
    }

    private static List<IncomingEvent> FromCloudEvents(BinaryData payload, List<JsonElement> elements)
    {
        var parsed = CloudEvent.ParseMany(payload);
        var events = new List<IncomingEvent>(parsed.Length);
        for (var i = 0; i < parsed.Length; i++)
        {
            var e = parsed[i];
            var textData = elements[i].TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String;
            events.Add(new IncomingEvent(e.Id, e.Type, e.Source, e.Subject, e.Time, e.DataContentType, CloudEventData(e, textData)));
        }

        return events;
    }

    private static List<IncomingEvent> FromEventGridEvents(BinaryData payload)
    {
        var parsed = EventGridEvent.ParseMany(payload);
        var events = new List<IncomingEvent>(parsed.Length);
        foreach (var e in parsed)
        {
            // Event Grid schema data is always JSON; `topic` plays the role of the CloudEvents source.
            events.Add(new IncomingEvent(e.Id, e.EventType, e.Topic, e.Subject, e.EventTime, JsonContentType, e.Data?.ToMemory() ?? default));
        }

        return events;
    }

    /// <summary>
    /// The SDK hands JSON data back as raw JSON text. A JSON string under a non-JSON content type
    /// (<c>"datacontenttype":"text/plain","data":"hello"</c>) is the text itself, so it is unquoted;
    /// <c>data_base64</c> arrives decoded and stays as it is.
    /// </summary>
    private static ReadOnlyMemory<byte> CloudEventData(CloudEvent e, bool dataIsJsonString)
    {
        if (e.Data is null)
        {
            return default;
        }

        if (dataIsJsonString && !IsJson(e.DataContentType))
        {
            var text = JsonSerializer.Deserialize<string>(e.Data.ToMemory().Span);
            return text is null ? default : Encoding.UTF8.GetBytes(text);
        }

        return e.Data.ToMemory();
    }

    private static bool IsJson(string? contentType)
        => contentType is null
           || contentType.StartsWith(JsonContentType, StringComparison.OrdinalIgnoreCase)
           || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);
}
