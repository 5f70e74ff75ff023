using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace StompFunctions.EventGrid.Webhook;

/// <summary>
/// The Event Grid schema's handshake: a new subscription first delivers one
/// <c>Microsoft.EventGrid.SubscriptionValidationEvent</c> and is created only when the endpoint
/// answers <c>{"validationResponse": "&lt;validationCode&gt;"}</c>. Read with the Azure SDK's own parser.
/// </summary>
internal static class SubscriptionValidation
{
    /// <summary>True when the delivery is a validation event; <paramref name="code"/> is then the code to echo.</summary>
    public static bool TryGetCode(BinaryData delivery, out string code)
    {
        code = "";
        try
        {
            using (var document = JsonDocument.Parse(delivery))
            {
                // CloudEvents subscriptions validate with OPTIONS instead; only an Event Grid schema event can be one.
                var first = document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0
                    ? document.RootElement[0]
                    : document.RootElement;
                if (first.ValueKind != JsonValueKind.Object || first.TryGetProperty("specversion", out _))
                {
                    return false;
                }
            }

            var events = EventGridEvent.ParseMany(delivery);
            if (events.Length != 1
                || !events[0].TryGetSystemEventData(out var data)
                || data is not SubscriptionValidationEventData { ValidationCode: { Length: > 0 } validationCode })
            {
                return false;
            }

            code = validationCode;
            return true;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            // Not a validation event; the ingress reports what is wrong with it.
            return false;
        }
    }
}
