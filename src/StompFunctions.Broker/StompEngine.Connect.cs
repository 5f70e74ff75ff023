using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    private async ValueTask HandleConnectFrameAsync(MessageExecution execution, StompFrame frame)
    {
        var version = NegotiateVersion(frame, execution.Subprotocol);
        if (version is null)
        {
            var supported = StompVersionNegotiation.FormatVersionList(_options.SupportedVersions);
            Fail(
                execution,
                frame,
                "unsupported protocol version",
                $"Supported protocol versions are {supported.Replace(',', ' ')}",
                supported);
            return;
        }

        frame.Headers.TryGetValue("heart-beat"u8, out var heartBeat);
        if (!StompHeartBeat.TryParse(heartBeat, out _))
        {
            Fail(execution, frame, "invalid heart-beat header", "heart-beat must be two non-negative integers separated by a comma, e.g. 10000,10000.");
            return;
        }

        var context = new StompConnectContext(execution.ConnectionId, execution.UpstreamUserId, execution.Session.Roles ?? [], version.Value, frame.Headers, Services, execution.CancellationToken);
        foreach (var hook in Handlers.ConnectHooks)
        {
            await hook(context).ConfigureAwait(false);
            if (context.RejectionMessage is not null)
            {
                Fail(execution, frame, context.RejectionMessage, $"The connection was refused: {context.RejectionMessage}.");
                return;
            }
        }

        var session = execution.Session;
        session.Connected = true;
        session.Version = version.Value;
        session.SessionId = NewId();
        session.User = context.User;
        session.Roles = SessionRoles.Normalize(context.Roles);
        execution.StateChanged = true;
        ServerFrames.WriteConnected(execution.Reply, version.Value, session.SessionId, _options.ServerName, _options.HeartBeatReceiveMilliseconds, session.User);
    }

    /// <summary>
    /// The highest version both sides support ([Protocol Negotiation]); a negotiated <c>vNN.stomp</c>
    /// subprotocol caps it, since the client announced in the handshake which version it speaks.
    /// </summary>
    private StompVersion? NegotiateVersion(in StompFrame frame, string? subprotocol)
    {
        var supported = _options.SupportedVersions;
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
