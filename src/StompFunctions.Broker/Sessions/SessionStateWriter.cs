using System.Buffers;
using System.Text.Json;

namespace StompFunctions.Broker.Sessions;

/// <summary>Writes the compact form of <see cref="SessionState"/> described on <see cref="SessionStateSerializer"/>, and spill pointers.</summary>
internal static class SessionStateWriter
{
    public static string ToHeaderValue(ReadOnlySpan<byte> json) => Convert.ToBase64String(json);

    public static string SpillPointer(string etag)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("f"u8, SessionStateSerializer.FormatVersion);
            writer.WriteString("spill"u8, etag);
            writer.WriteEndObject();
        }

        return ToHeaderValue(buffer.WrittenSpan);
    }

    public static void WriteJson(SessionState state, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteNumber("f"u8, SessionStateSerializer.FormatVersion);
        if (state.Connected)
        {
            writer.WriteNumber("c"u8, 1);
        }

        writer.WriteNumber("v"u8, (int)state.Version);
        WriteOptional(writer, "s"u8, state.SessionId);
        WriteOptional(writer, "u"u8, state.User);
        WriteOptional(writer, "e"u8, state.EventVersion);
        WriteOptional(writer, "g"u8, state.Generation);
        if (state.Roles is { Length: > 0 } roles)
        {
            writer.WriteStartArray("r"u8);
            foreach (var role in roles)
            {
                writer.WriteStringValue(role);
            }

            writer.WriteEndArray();
        }

        if (state.HasSubscriptions)
        {
            writer.WriteStartArray("b"u8);
            foreach (var subscription in state.Subscriptions)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(subscription.Id);
                writer.WriteStringValue(subscription.Destination);
                writer.WriteNumberValue((int)subscription.AckMode);
                if (subscription.Prefetch > 0)
                {
                    writer.WriteNumberValue(subscription.Prefetch);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        if (state.HasTransactions)
        {
            writer.WriteStartArray("x"u8);
            foreach (var transaction in state.Transactions)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(transaction.Id);
                foreach (var frame in transaction.Frames)
                {
                    writer.WriteBase64StringValue(frame);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        if (state.Pending is { Length: > 0 } pending)
        {
            writer.WriteBase64String("p"u8, pending);
        }

        WriteOptional(writer, "q"u8, state.LastQueueSequence);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
