using System.Buffers;
using System.Text.Json;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Sessions;

/// <summary>
/// The compact, versioned form of <see cref="SessionState"/>: base64 of a small JSON object with one-letter
/// keys (base64 because Web PubSub hands the value back as an HTTP header, and its docs advise it).
/// <code>{"f":1,"c":1,"v":12,"s":"session","u":"user","e":"event version","g":"store generation","r":["role"],"b":[["sub-0","/topic/a",0],["sub-1","/queue/b",2,10]],"x":[["tx-1","frame…"]],"p":"tail","q":"seq"}</code>
/// A subscription is [id, destination, ack mode] with a queue consumer's <c>prefetch-count</c> as a fourth item when it set one.
/// A spilled state is replaced by a pointer <c>{"f":1,"spill":"etag"}</c>; the state itself is then in the store
/// under the connection id. Unknown keys are skipped so a newer writer does not break an older reader.
/// This class reads the format; <see cref="SessionStateWriter"/> writes it.
/// </summary>
internal static class SessionStateSerializer
{
    /// <summary>The format version; bump when the meaning of a key changes.</summary>
    public const int FormatVersion = 1;

    // Stack buffers up to this size; larger states rent from the pool.
    private const int StackLimit = 512;

    /// <summary>Decodes a header value. Null or empty means a fresh connection; false means the value is corrupt.</summary>
    public static bool TryParseHeaderValue(string? value, out SessionState state, out string? spillETag)
    {
        state = new SessionState();
        spillETag = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        var maxLength = ((value.Length + 3) / 4) * 3;
        byte[]? rented = null;
        var buffer = maxLength <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            return Convert.TryFromBase64String(value, buffer, out var written)
                && TryParseJson(buffer[..written], out state, out spillETag);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static bool TryParseJson(ReadOnlySpan<byte> json, out SessionState state, out string? spillETag)
    {
        state = new SessionState();
        spillETag = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var sawFormat = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!ReadProperty(ref reader, state, ref spillETag, ref sawFormat))
                {
                    return false;
                }
            }

            return sawFormat && reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // A token of the wrong type (e.g. a string where a number belongs): the value is corrupt.
            return false;
        }
    }

    private static bool ReadProperty(ref Utf8JsonReader reader, SessionState state, ref string? spillETag, ref bool sawFormat)
    {
        if (reader.ValueTextEquals("f"u8))
        {
            reader.Read();
            sawFormat = reader.TokenType == JsonTokenType.Number && reader.GetInt32() == FormatVersion;
            return sawFormat;
        }

        if (reader.ValueTextEquals("c"u8))
        {
            reader.Read();
            state.Connected = reader.GetInt32() == 1;
        }
        else if (reader.ValueTextEquals("v"u8))
        {
            reader.Read();
            var version = (StompVersion)reader.GetInt32();
            if (version is not (StompVersion.V1_0 or StompVersion.V1_1 or StompVersion.V1_2))
            {
                return false;
            }

            state.Version = version;
        }
        else if (reader.ValueTextEquals("s"u8))
        {
            reader.Read();
            state.SessionId = reader.GetString();
        }
        else if (reader.ValueTextEquals("u"u8))
        {
            reader.Read();
            state.User = reader.GetString();
        }
        else if (reader.ValueTextEquals("e"u8))
        {
            reader.Read();
            state.EventVersion = reader.GetString();
        }
        else if (reader.ValueTextEquals("g"u8))
        {
            reader.Read();
            state.Generation = reader.GetString();
        }
        else if (reader.ValueTextEquals("r"u8))
        {
            return SessionStateLists.ReadRoles(ref reader, state);
        }
        else if (reader.ValueTextEquals("b"u8))
        {
            return SessionStateLists.ReadSubscriptions(ref reader, state);
        }
        else if (reader.ValueTextEquals("x"u8))
        {
            return SessionStateLists.ReadTransactions(ref reader, state);
        }
        else if (reader.ValueTextEquals("p"u8))
        {
            reader.Read();
            state.Pending = reader.GetBytesFromBase64();
        }
        else if (reader.ValueTextEquals("q"u8))
        {
            reader.Read();
            state.LastQueueSequence = reader.GetString();
        }
        else if (reader.ValueTextEquals("spill"u8))
        {
            reader.Read();
            spillETag = reader.GetString();
        }
        else
        {
            reader.Read();
            reader.Skip();
        }

        return true;
    }
}
