using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Commands;

/// <summary>CONNECT and STOMP (their <c>heart-beat</c> already validated): negotiates the version, runs the authentication hooks, answers CONNECTED.</summary>
internal sealed class ConnectHandler(StompBrokerOptions options, StompConnectHook[] hooks, IServiceProvider? services, MessageStamp stamp) : ICommandHandler
{
    public async ValueTask HandleAsync(CommandFrame command)
    {
        var execution = command.Execution;
        var frame = command.Frame;
        var version = NegotiateVersion(frame, execution.Subprotocol);
        if (version is null)
        {
            command.Fail(EngineFailure.UnsupportedVersion(StompVersionNegotiation.FormatVersionList(options.SupportedVersions)));
            return;
        }

        var context = new StompConnectContext(execution.ConnectionId, execution.UpstreamUserId, execution.Session.Roles ?? [], version.Value, frame.Headers, services, execution.CancellationToken);
        foreach (var hook in hooks)
        {
            await hook(context).ConfigureAwait(false);
            if (context.RejectionMessage is not null)
            {
                command.Fail(EngineFailure.ConnectRejected(context.RejectionMessage));
                return;
            }
        }

        var session = execution.Session;
        session.Connected = true;
        session.Version = version.Value;
        session.SessionId = stamp.NewId();
        session.User = context.User;
        session.Roles = SessionRoles.Normalize(context.Roles);
        execution.StateChanged = true;
        ServerFrames.WriteConnected(execution.Reply, version.Value, session.SessionId, options.ServerName, options.HeartBeatReceiveMilliseconds, session.User);
    }

    /// <summary>The version of a negotiated <c>vNN.stomp</c> subprotocol, or null.</summary>
    private static StompVersion? VersionOfSubprotocol(string? subprotocol) =>
        subprotocol is not null && StompVersionNegotiation.TryParseSubprotocol(subprotocol, out var version) ? version : null;

    /// <summary>
    /// The highest version both sides support ([Protocol Negotiation]); a negotiated <c>vNN.stomp</c>
    /// subprotocol caps it, since the client announced in the handshake which version it speaks.
    /// </summary>
    private StompVersion? NegotiateVersion(in StompFrame frame, string? subprotocol)
    {
        var supported = options.SupportedVersions;
        if (VersionOfSubprotocol(subprotocol) is { } cap)
        {
            supported &= cap switch
            {
                StompVersion.V1_0 => StompVersionSet.V1_0,
                StompVersion.V1_1 => StompVersionSet.V1_0 | StompVersionSet.V1_1,
                _ => StompVersionSet.All,
            };
        }

        frame.Headers.TryGetValue("accept-version"u8, out var accept);
        return StompVersionNegotiation.TryNegotiate(accept, supported, out var version) ? version : null;
    }
}
