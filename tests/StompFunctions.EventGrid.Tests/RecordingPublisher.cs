using System.Text;
using StompFunctions.Broker;

namespace StompFunctions.EventGrid.Tests;

/// <summary>One message the recording publisher was asked to publish.</summary>
internal sealed record Publication(string Destination, string Body, List<KeyValuePair<string, string>> Headers);

/// <summary>An <see cref="IStompPublisher"/> that records what it is given, or fails with <see cref="Failure"/>.</summary>
internal sealed class RecordingPublisher(int routesPerDestination) : IStompPublisher
{
    public List<Publication> Published { get; } = [];

    public Exception? Failure { get; init; }

    public ValueTask<int> PublishAsync(string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Published.Add(new Publication(destination, Encoding.UTF8.GetString(body.Span), [.. headers ?? []]));
        return ValueTask.FromResult(routesPerDestination);
    }

    public ValueTask<int> PublishAsync(string destination, string body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
        => PublishAsync(destination, Encoding.UTF8.GetBytes(body), headers, cancellationToken);
}
