using System.Text.Json;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Tables.Store;

/// <summary>
/// Reads a page of route rows, as the Table service returns them for the SEND query
/// (<c>{"odata.metadata":…,"value":[{"odata.etag":…,"PartitionKey":…,"SubscriptionId":…,"AckMode":0,"Group":…},…]}</c>),
/// straight into <see cref="StompRoute"/>s: one pass of a <see cref="Utf8JsonReader"/>, strings made only for the
/// values a route keeps. Rows are written by Azure.Data.Tables: strings and an Int32 need no type annotation, and
/// annotations or properties this store does not read are skipped. Property names are the <see cref="Columns"/>
/// names as UTF-8 literals.
/// </summary>
internal static class RouteRows
{
    /// <summary>Adds the routes of one page; a row of <paramref name="query"/>'s first partition belongs to its destination, any other to its index.</summary>
    public static void ReadPage(ReadOnlyMemory<byte> page, RouteQuery query)
    {
        try
        {
            Read(page.Span, query);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The Table service's answer to the routes query is not valid JSON.", e);
        }
    }

    private static void Read(ReadOnlySpan<byte> page, RouteQuery query)
    {
        var reader = new Utf8JsonReader(page);
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            Expect(ref reader, JsonTokenType.StartArray);
            while (Next(ref reader) == JsonTokenType.StartObject)
            {
                query.Routes.Add(ReadRow(ref reader, query));
            }
        }
    }

    private static StompRoute ReadRow(ref Utf8JsonReader reader, RouteQuery query)
    {
        string? destination = null;
        string? etag = null;
        string? subscriptionId = null;
        string? group = null;
        string? pattern = null;
        int? ackMode = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("PartitionKey"u8))
            {
                reader.Read();
                destination = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(query.Partition) ? query.Destination : query.Index;
            }
            else if (reader.ValueTextEquals("odata.etag"u8))
            {
                etag = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("SubscriptionId"u8))
            {
                subscriptionId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("AckMode"u8))
            {
                reader.Read();
                ackMode = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw TableStateStore.Corrupt(Columns.AckMode);
            }
            else if (reader.ValueTextEquals("Group"u8))
            {
                group = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Pattern"u8))
            {
                pattern = ReadString(ref reader);
            }
            else
            {
                // Timestamp, annotations (Name@odata.type), properties of newer writers.
                reader.Read();
                reader.Skip();
            }
        }

        return new StompRoute(
            destination ?? throw TableStateStore.Corrupt("PartitionKey"),
            subscriptionId ?? throw TableStateStore.Corrupt(Columns.SubscriptionId),
            (StompAckMode)(ackMode ?? throw TableStateStore.Corrupt(Columns.AckMode)),
            group ?? throw TableStateStore.Corrupt(Columns.Group),
            etag,
            pattern);
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new InvalidDataException("A route row holds a value of an unexpected type; it was not written by this store."),
        };
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException("The Table service's answer ended early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (Next(ref reader) != token)
        {
            throw new InvalidDataException($"The Table service's answer is not a query page ({token} expected).");
        }
    }
}
