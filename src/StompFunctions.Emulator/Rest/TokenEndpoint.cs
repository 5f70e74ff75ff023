using System.Globalization;
using System.Text.Json;
using StompFunctions.Emulator.Auth;
using StompFunctions.Emulator.Hubs;

namespace StompFunctions.Emulator.Rest;

/// <summary>
/// <c>:generateToken</c>: a client token with the claims the SDKs put in (webpubsub-protocol.md §1.1):
/// <c>aud</c> = <c>{endpoint}/client/hubs/{hub}</c>, <c>iat</c>/<c>nbf</c>/<c>exp</c>, <c>sub</c>, <c>role</c>, <c>webpubsub.group</c>.
/// </summary>
internal sealed class TokenEndpoint(HubRegistry hubs, EmulatorEndpoint endpoint, TimeProvider time)
{
    private const int DefaultTokenMinutes = 60;

    public async Task GenerateAsync(RestCall call)
    {
        var minutes = DefaultTokenMinutes;
        if (call.Query("minutesToExpire") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes < 1))
        {
            await call.FailAsync(EmulatorError.MinutesToExpireInvalid);
            return;
        }

        if (call.Query("clientType") is { } clientType && !string.Equals(clientType, "Default", StringComparison.OrdinalIgnoreCase))
        {
            // MQTT clients use another endpoint and protocol, which this emulator does not serve (nor does Microsoft's).
            await call.FailAsync(EmulatorError.ClientTypeUnsupported);
            return;
        }

        var groups = call.QueryValues("group");
        if (!groups.All(NameRules.IsValidGroup))
        {
            await call.FailAsync(EmulatorError.GroupNameInvalid);
            return;
        }

        var userId = call.Query("userId");
        var roles = call.QueryValues("role");
        var now = time.GetUtcNow();
        var audience = endpoint.Get().AbsoluteUri.TrimEnd('/') + "/client/hubs/" + call.HubName;
        var token = HmacJwt.Sign(hubs.Options.AccessKey, writer =>
        {
            writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", now.AddMinutes(minutes).ToUnixTimeSeconds());
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteString("aud", audience);
            if (!string.IsNullOrEmpty(userId))
            {
                writer.WriteString("sub", userId);
            }

            WriteArray(writer, "role", roles);
            WriteArray(writer, "webpubsub.group", groups);
        });

        call.Context.Response.StatusCode = StatusCodes.Status200OK;
        call.Context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(call.Context.Response.Body);
        json.WriteStartObject();
        json.WriteString("token", token);
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
