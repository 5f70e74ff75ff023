using System.Buffers;
using System.Globalization;
using System.Text;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Frames;

/// <summary>Writes the frames the server sends: CONNECTED, RECEIPT, ERROR and MESSAGE.</summary>
internal static class ServerFrames
{
    public static void WriteReceipt(IBufferWriter<byte> output, StompVersion version, string receiptId)
    {
        var writer = StompFrameWriter.Begin(output, version, StompCommand.Receipt);
        writer.WriteHeader("receipt-id"u8, receiptId);
        writer.End();
    }

    /// <summary>An ERROR with a short <c>message</c>, the <c>receipt-id</c> of the failing frame and a text body.</summary>
    public static void WriteError(IBufferWriter<byte> output, StompVersion version, string message, string? receiptId, string? details, string? versionList = null)
    {
        var writer = StompFrameWriter.Begin(output, version, StompCommand.Error);
        writer.WriteHeader("message"u8, message);
        if (receiptId is not null)
        {
            writer.WriteHeader("receipt-id"u8, receiptId);
        }

        if (versionList is not null)
        {
            writer.WriteHeader("version"u8, versionList);
        }

        writer.WriteHeader("content-type"u8, "text/plain;charset=utf-8"u8);
        writer.End(Encoding.UTF8.GetBytes(details ?? message));
    }

    public static void WriteConnected(IBufferWriter<byte> output, StompVersion version, string sessionId, string server, int heartBeatReceive, string? user)
    {
        var writer = StompFrameWriter.Begin(output, version, StompCommand.Connected);
        writer.WriteHeader("version"u8, VersionText(version));
        if (version != StompVersion.V1_0)
        {
            writer.WriteHeader("heart-beat"u8, string.Create(CultureInfo.InvariantCulture, $"0,{heartBeatReceive}"));
        }

        writer.WriteHeader("session"u8, sessionId);
        writer.WriteHeader("server"u8, server);
        if (user is not null)
        {
            writer.WriteHeader("user-name"u8, user);
        }

        writer.End();
    }

    /// <summary>
    /// One MESSAGE for one subscription. The server's headers come first so that, repeated headers resolving
    /// to their first occurrence, a client cannot forge them; user headers follow, transport headers do not.
    /// </summary>
    public static void WriteMessage(IBufferWriter<byte> output, StompVersion version, in OutboundMessage message, string subscriptionId, StompAckMode ackMode)
    {
        var writer = StompFrameWriter.Begin(output, version, StompCommand.Message);
        writer.WriteHeader("destination"u8, message.Destination);
        writer.WriteHeader("message-id"u8, message.MessageId);
        writer.WriteHeader("subscription"u8, subscriptionId);
        if (ackMode != StompAckMode.Auto)
        {
            writer.WriteHeader("ack"u8, AckIds.Format(subscriptionId, message.MessageId));
        }

        if (message.Timestamp is { } timestamp)
        {
            writer.WriteHeader("timestamp"u8, timestamp);
        }

        if (message.HasSource)
        {
            foreach (var header in message.Source.Headers)
            {
                if (!IsReserved(header, message.Timestamp.HasValue))
                {
                    writer.TryWriteHeader(header);
                }
            }
        }
        else if (message.ExtraHeaders is { } extra)
        {
            foreach (var (name, value) in extra)
            {
                if (!IsReserved(name, message.Timestamp.HasValue))
                {
                    // As with SEND headers, one a 1.0 subscriber's frame cannot represent (a line break) is left out.
                    TryWriteHeader(ref writer, name, value);
                }
            }
        }

        writer.End(message.Body.Span);
    }

    private static void TryWriteHeader(ref StompFrameWriter writer, string name, string value)
    {
        const int StackBytes = 512;
        var max = Encoding.UTF8.GetMaxByteCount(name.Length + value.Length);
        byte[]? rented = null;
        var scratch = max <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var nameLength = Encoding.UTF8.GetBytes(name, scratch);
            var valueLength = Encoding.UTF8.GetBytes(value, scratch[nameLength..]);
            writer.TryWriteHeader(scratch[..nameLength], scratch.Slice(nameLength, valueLength));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static string VersionText(StompVersion version) => StompVersionNegotiation.ToHeaderValue(version);

    // Headers of a SEND (or publish call) that belong to the server or the transport and never pass through.
    private static bool IsReserved(in StompHeader header, bool timestamped) =>
        header.NameEquals("destination"u8)
        || header.NameEquals("message-id"u8)
        || header.NameEquals("subscription"u8)
        || header.NameEquals("ack"u8)
        || header.NameEquals("receipt"u8)
        || header.NameEquals("transaction"u8)
        || header.NameEquals("content-length"u8)
        || (timestamped && header.NameEquals("timestamp"u8));

    private static bool IsReserved(string name, bool timestamped) => name switch
    {
        "destination" or "message-id" or "subscription" or "ack" or "receipt" or "transaction" or "content-length" => true,
        "timestamp" => timestamped,
        _ => false,
    };
}
