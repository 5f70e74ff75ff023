namespace StompFunctions.Broker;

/// <summary>
/// Publishes to STOMP destinations from anywhere (a timer, an HTTP call, an Event Grid event, a handler)
/// with the same fan-out as a client SEND: one MESSAGE per route of the destination.
/// </summary>
public interface IStompPublisher
{
    /// <summary>
    /// Publishes <paramref name="body"/> with <paramref name="headers"/> (user headers; <c>content-type</c> among them)
    /// to every subscriber of <paramref name="destination"/>. Returns the number of routes (group sends).
    /// Throws <see cref="Ports.StompStoreUnavailableException"/> when the routes cannot be read.
    /// </summary>
    ValueTask<int> PublishAsync(string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default);

    /// <summary>Publishes UTF-8 text; <c>content-type</c> defaults to <c>text/plain;charset=utf-8</c>.</summary>
    ValueTask<int> PublishAsync(string destination, string body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes to every session of <paramref name="user"/> subscribed to <c>/user</c> + <paramref name="destination"/>
    /// (<c>/queue/NAME</c> or <c>/topic/NAME</c>): the same as publishing to <c>/user/{user}/queue/NAME</c>. A user with no
    /// such session costs one route read and no send. Throws <see cref="ArgumentException"/> for a user holding <c>/</c>.
    /// </summary>
    ValueTask<int> PublishToUserAsync(string user, string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        PublishAsync(Delivery.UserDestinations.For(user, destination), body, headers, cancellationToken);

    /// <summary>Publishes UTF-8 text to a user's destination (see the overload above).</summary>
    ValueTask<int> PublishToUserAsync(string user, string destination, string body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        PublishAsync(Delivery.UserDestinations.For(user, destination), body, headers, cancellationToken);
}
