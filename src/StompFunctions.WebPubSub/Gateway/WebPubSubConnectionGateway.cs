using Azure;
using StompFunctions.Broker.Ports;

namespace StompFunctions.WebPubSub.Gateway;

/// <summary>
/// The engine's connection gateway over the Web PubSub data-plane REST API. Each call is one REST request;
/// the engine runs independent calls of one frame concurrently, and the client is safe for that.
/// Group names arrive already derived by the engine (<c>StompGroupNames</c>) and are passed through verbatim.
/// </summary>
internal sealed class WebPubSubConnectionGateway : IConnectionGateway
{
    private readonly WebPubSubRestClient _client;

    public WebPubSubConnectionGateway(WebPubSubRestClient client) => _client = client;

    public async ValueTask SendToConnectionAsync(string connectionId, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken) =>
        await _client.SendToConnectionAsync(connectionId, payload, ContentTypeOf(kind), cancellationToken).ConfigureAwait(false);

    public async ValueTask SendToGroupAsync(string group, ReadOnlyMemory<byte> payload, PayloadKind kind, CancellationToken cancellationToken) =>
        await _client.SendToGroupAsync(group, payload, ContentTypeOf(kind), excluded: null, cancellationToken).ConfigureAwait(false);

    public async ValueTask AddToGroupAsync(string connectionId, string group, CancellationToken cancellationToken) =>
        await _client.AddConnectionToGroupAsync(group, connectionId, cancellationToken).ConfigureAwait(false);

    public async ValueTask RemoveFromGroupAsync(string connectionId, string group, CancellationToken cancellationToken)
    {
        try
        {
            await _client.RemoveConnectionFromGroupAsync(group, connectionId, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The port promises success when the connection was not a member (or is gone).
        }
    }

    public async ValueTask CloseConnectionAsync(string connectionId, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CloseConnectionAsync(connectionId, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already closed: the outcome the caller wanted.
        }
    }

    public async ValueTask CloseGroupAsync(string group, string reason, CancellationToken cancellationToken) =>
        await _client.CloseGroupConnectionsAsync(group, reason, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> ConnectionExistsAsync(string connectionId, CancellationToken cancellationToken) =>
        (await _client.ConnectionExistsAsync(connectionId, cancellationToken).ConfigureAwait(false)).Value;

    private static string ContentTypeOf(PayloadKind kind) =>
        kind == PayloadKind.Binary ? WebPubSubContentTypes.Binary : WebPubSubContentTypes.Text;
}
