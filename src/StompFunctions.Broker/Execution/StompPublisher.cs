using StompFunctions.Broker.Delivery;

namespace StompFunctions.Broker.Execution;

/// <summary>The publish API over the engine's fan-out.</summary>
internal sealed class StompPublisher(MessageFanOut fanOut) : IStompPublisher
{
    private static readonly KeyValuePair<string, string> TextContentType = new("content-type", "text/plain;charset=utf-8");

    public ValueTask<int> PublishAsync(string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        PublishAsync(destination, body, headers, claim: null, cancellationToken);

    public ValueTask<int> PublishAsync(string destination, string body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        PublishAsync(destination, body, headers, claim: null, cancellationToken);

    /// <summary>A publish by a handler inside an event: delivered at most once even when the event is retried.</summary>
    public ValueTask<int> PublishAsync(string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers, DeliveryClaim? claim, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        if (TopicWildcards.IsPattern(destination))
        {
            throw new ArgumentException($"'{destination}' holds '*' or '#', which only a SUBSCRIBE may use; publish to a concrete topic.", nameof(destination));
        }

        var list = headers as IReadOnlyList<KeyValuePair<string, string>> ?? headers?.ToArray();
        foreach (var (name, value) in list ?? [])
        {
            // The codec cannot write these (STOMP has no escape for NUL); refuse before anything is sent.
            if (string.IsNullOrEmpty(name) || name.Contains('\0', StringComparison.Ordinal) || value?.Contains('\0', StringComparison.Ordinal) != false)
            {
                throw new ArgumentException("A STOMP header needs a non-empty name and a value, and neither may contain NUL.", nameof(headers));
            }
        }

        return fanOut.PublishAsync(destination, list, body, cancellationToken, claim);
    }

    /// <summary>UTF-8 text (<c>content-type</c> defaults to <c>text/plain;charset=utf-8</c>), at most once per event.</summary>
    public ValueTask<int> PublishAsync(string destination, string body, IEnumerable<KeyValuePair<string, string>>? headers, DeliveryClaim? claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var list = headers?.ToList() ?? [];
        if (!list.Exists(h => string.Equals(h.Key, "content-type", StringComparison.Ordinal)))
        {
            list.Add(TextContentType);
        }

        return PublishAsync(destination, System.Text.Encoding.UTF8.GetBytes(body), list, claim, cancellationToken);
    }
}
