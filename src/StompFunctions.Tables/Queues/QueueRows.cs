using Azure;
using Azure.Data.Tables;
using StompFunctions.Broker;
using StompFunctions.Broker.Queues;
using StompFunctions.Tables.Keys;
using StompFunctions.Tables.Store;

namespace StompFunctions.Tables.Queues;

/// <summary>Turns queue rows into the port's records and the port's writes into entity-group transaction actions.</summary>
internal static class QueueRows
{
    public static QueuedMessage ToMessage(TableEntity row) => new(
        QueueKeys.SequenceOf(row.RowKey),
        HeaderListCodec.Decode(row.GetString(QueueColumns.Headers)),
        ChunkedBinary.Read(row),
        row.GetInt32(QueueColumns.Deliveries) ?? 0,
        row.GetString(QueueColumns.Owner) is { Length: > 0 } owner ? owner : null,
        row.GetInt64(QueueColumns.LeaseUntil) ?? 0,
        row.GetInt64(QueueColumns.ExpiresAt),
        row.ETag.ToString());

    public static QueueConsumer ToConsumer(string queue, TableEntity row)
    {
        var inFlight = row.GetString(QueueColumns.InFlight);
        var batches = row.GetString(QueueColumns.Batches);
        return new QueueConsumer(
            queue,
            Required(row, QueueColumns.ConnectionId),
            Required(row, QueueColumns.SubscriptionId),
            (StompAckMode)(row.GetInt32(QueueColumns.AckMode) ?? 0),
            row.GetInt32(QueueColumns.Prefetch) ?? 0,
            List(inFlight),
            row.ETag.ToString(),
            batches is null ? null : List(batches));
    }

    public static QueueSentBatch ToSent(TableEntity row) => new(
        Required(row, QueueColumns.Batch),
        Required(row, QueueColumns.ConnectionId),
        Required(row, QueueColumns.SubscriptionId),
        List(row.GetString(QueueColumns.Sent)),
        row.ETag.ToString());

    public static QueueEventMark ToMark(TableEntity row) => new(
        Required(row, QueueColumns.ConnectionId),
        row.GetString(QueueColumns.Event) ?? "",
        row.GetInt32(QueueColumns.Index) ?? 0,
        Required(row, QueueColumns.Sequence),
        row.ETag.ToString());

    public static TableTransactionAction Action(string partition, string queue, QueueWrite write)
    {
        var etag = write.ETag is null or QueueWrite.AnyETag ? ETag.All : new ETag(write.ETag);
        var message = write.Message;
        return write.Kind switch
        {
            QueueWriteKind.AddMessage => new(TableTransactionActionType.Add, MessageRow(partition, queue, message!)),
            QueueWriteKind.UpsertMessage => new(TableTransactionActionType.UpsertReplace, MessageRow(partition, queue, message!)),
            QueueWriteKind.UpdateMessage => new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, QueueKeys.MessageRow(message!.Sequence))
            {
                [QueueColumns.Deliveries] = message.Deliveries,
                [QueueColumns.Owner] = message.Owner ?? "",
                [QueueColumns.LeaseUntil] = message.LeaseUntil,
            }, etag),
            QueueWriteKind.ReleaseMessage => new(TableTransactionActionType.UpdateMerge, ReleaseRow(partition, message!), etag),
            QueueWriteKind.DeleteMessage => new(TableTransactionActionType.Delete, new TableEntity(partition, QueueKeys.MessageRow(message!.Sequence)), etag),
            QueueWriteKind.UpsertConsumer => new(TableTransactionActionType.UpsertReplace, ConsumerRow(partition, queue, write.Consumer!)),
            QueueWriteKind.ReplaceConsumer => new(TableTransactionActionType.UpdateReplace, ConsumerRow(partition, queue, write.Consumer!), etag),
            QueueWriteKind.DeleteConsumer => new(TableTransactionActionType.Delete, new TableEntity(partition, ConsumerKey(write.Consumer!)), etag),
            QueueWriteKind.PutMark when write.ETag is null => new(TableTransactionActionType.Add, MarkRow(partition, queue, write.Mark!)),
            QueueWriteKind.PutMark => new(TableTransactionActionType.UpdateReplace, MarkRow(partition, queue, write.Mark!), etag),
            QueueWriteKind.DeleteMark => new(TableTransactionActionType.Delete, new TableEntity(partition, QueueKeys.MarkRow(write.Mark!.ConnectionId)), etag),
            QueueWriteKind.PutSent => new(TableTransactionActionType.UpsertReplace, SentRow(partition, queue, write.Sent!)),
            QueueWriteKind.DeleteSent => new(TableTransactionActionType.Delete, new TableEntity(partition, QueueKeys.SentRow(write.Sent!.Batch)), etag),
            _ => throw new ArgumentOutOfRangeException(nameof(write), write.Kind, "Unknown queue write."),
        };
    }

    private static TableEntity MessageRow(string partition, string queue, QueuedMessage message)
    {
        var row = new TableEntity(partition, QueueKeys.MessageRow(message.Sequence))
        {
            [QueueColumns.Headers] = HeaderListCodec.Encode(message.Headers),
            [QueueColumns.Deliveries] = message.Deliveries,
            [QueueColumns.Owner] = message.Owner ?? "",
            [QueueColumns.LeaseUntil] = message.LeaseUntil,
        };
        if (message.ExpiresAt is { } expiresAt)
        {
            row[QueueColumns.ExpiresAt] = expiresAt;
        }

        ChunkedBinary.Write(row, message.Body);
        return Named(row, partition, queue);
    }

    private static TableEntity ReleaseRow(string partition, QueuedMessage message)
    {
        var row = new TableEntity(partition, QueueKeys.MessageRow(message.Sequence))
        {
            [QueueColumns.Owner] = "",
            [QueueColumns.LeaseUntil] = 0L,
        };
        if (message.Deliveries >= 0)
        {
            row[QueueColumns.Deliveries] = message.Deliveries;
        }

        return row;
    }

    private static TableEntity ConsumerRow(string partition, string queue, QueueConsumer consumer)
    {
        var row = new TableEntity(partition, ConsumerKey(consumer))
        {
            [QueueColumns.ConnectionId] = consumer.ConnectionId,
            [QueueColumns.SubscriptionId] = consumer.SubscriptionId,
            [QueueColumns.AckMode] = (int)consumer.AckMode,
            [QueueColumns.Prefetch] = consumer.Prefetch,
            [QueueColumns.InFlight] = string.Join(' ', consumer.InFlight),
        };
        if (consumer.Batches is { } batches)
        {
            row[QueueColumns.Batches] = string.Join(' ', batches);
        }

        return Named(row, partition, queue);
    }

    private static TableEntity SentRow(string partition, string queue, QueueSentBatch sent) => Named(
        new TableEntity(partition, QueueKeys.SentRow(sent.Batch))
        {
            [QueueColumns.Batch] = sent.Batch,
            [QueueColumns.ConnectionId] = sent.ConnectionId,
            [QueueColumns.SubscriptionId] = sent.SubscriptionId,
            [QueueColumns.Sent] = string.Join(' ', sent.Sent),
        },
        partition,
        queue);

    private static string[] List(string? spaced) => string.IsNullOrEmpty(spaced) ? [] : spaced.Split(' ');

    private static TableEntity MarkRow(string partition, string queue, QueueEventMark mark) => Named(
        new TableEntity(partition, QueueKeys.MarkRow(mark.ConnectionId))
        {
            [QueueColumns.ConnectionId] = mark.ConnectionId,
            [QueueColumns.Event] = mark.Event,
            [QueueColumns.Index] = mark.Index,
            [QueueColumns.Sequence] = mark.Sequence,
        },
        partition,
        queue);

    private static string ConsumerKey(QueueConsumer consumer) => QueueKeys.ConsumerRow(consumer.ConnectionId, consumer.SubscriptionId);

    private static TableEntity Named(TableEntity row, string partition, string queue)
    {
        if (TableKeys.IsHashed(partition))
        {
            row[QueueColumns.Destination] = queue;
        }

        return row;
    }

    private static string Required(TableEntity row, string column) =>
        row.GetString(column) ?? throw new InvalidDataException($"A queue row lacks its {column} property; it was not written by this store.");
}
