using System.Text.Json;

namespace StompFunctions.Broker.Sessions;

/// <summary>
/// The arrays of the session state format (<see cref="SessionStateSerializer"/>): roles <c>"r"</c>, subscriptions
/// <c>"b"</c> and open transactions <c>"x"</c>. Each reader starts at the property name and returns false on anything
/// the format does not allow.
/// </summary>
internal static class SessionStateLists
{
    public static bool ReadRoles(ref Utf8JsonReader reader, SessionState state)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var roles = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            roles.Add(reader.GetString()!);
        }

        state.Roles = roles.Count > 0 ? [.. roles] : null;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    public static bool ReadSubscriptions(ref Utf8JsonReader reader, SessionState state)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var id = reader.GetString();
            reader.Read();
            var destination = reader.GetString();
            reader.Read();
            var ackMode = (StompAckMode)reader.GetInt32();
            if (id is null || destination is null || !Enum.IsDefined(ackMode) || !reader.Read())
            {
                return false;
            }

            var prefetch = 0;
            if (reader.TokenType == JsonTokenType.Number)
            {
                prefetch = reader.GetInt32();
                if (prefetch < 1 || !reader.Read())
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }

            state.Subscriptions.Add(new SubscriptionEntry(id, destination, ackMode, prefetch));
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    public static bool ReadTransactions(ref Utf8JsonReader reader, SessionState state)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var id = reader.GetString();
            if (id is null)
            {
                return false;
            }

            var transaction = new TransactionEntry(id);
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                transaction.Frames.Add(reader.GetBytesFromBase64());
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }

            state.Transactions.Add(transaction);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }
}
