using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    private async ValueTask HandleConnectFrameAsync(MessageExecution execution, StompFrame frame)
    {
        var version = NegotiateVersion(frame, execution.Subprotocol);
        if (version is null)
        {
            var supported = SupportedVersionList();
            Fail(
                execution,
                frame,
                "unsupported protocol version",
                $"Supported protocol versions are {supported.Replace(',', ' ')}",
                supported);
            return;
        }

        if (frame.Headers.TryGetValue("heart-beat"u8, out var heartBeat) && !IsValidHeartBeat(heartBeat))
        {
            Fail(execution, frame, "invalid heart-beat header", "heart-beat must be two non-negative integers separated by a comma, e.g. 10000,10000.");
            return;
        }

        var context = new StompConnectContext(execution.ConnectionId, execution.UpstreamUserId, version.Value, frame.Headers, Services, execution.CancellationToken);
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
        execution.StateChanged = true;
        ServerFrames.WriteConnected(execution.Reply, version.Value, session.SessionId, _options.ServerName, _options.HeartBeatReceiveMilliseconds, session.User);
    }

    /// <summary>
    /// The highest version both sides support ([Protocol Negotiation]): a CONNECT without accept-version is
    /// a 1.0 client; list order does not matter; a negotiated <c>vNN.stomp</c> subprotocol caps the version.
    /// </summary>
    private StompVersion? NegotiateVersion(in StompFrame frame, string? subprotocol)
    {
        var cap = VersionOfSubprotocol(subprotocol) ?? StompVersion.V1_2;
        if (!frame.Headers.TryGetValue("accept-version"u8, out var accept))
        {
            return Supports(StompVersion.V1_0) ? StompVersion.V1_0 : null;
        }

        StompVersion? best = null;
        foreach (var range in accept.AsSpan().Split(','))
        {
            StompVersion? offered = accept.AsSpan()[range] switch
            {
                "1.0" => StompVersion.V1_0,
                "1.1" => StompVersion.V1_1,
                "1.2" => StompVersion.V1_2,
                _ => null,
            };
            if (offered is { } v && v <= cap && Supports(v) && (best is null || v > best))
            {
                best = v;
            }
        }

        return best;
    }

    private string SupportedVersionList()
    {
        var versions = new List<string>(3);
        foreach (var version in (ReadOnlySpan<StompVersion>)[StompVersion.V1_0, StompVersion.V1_1, StompVersion.V1_2])
        {
            if (Supports(version))
            {
                versions.Add(ServerFrames.VersionText(version));
            }
        }

        return string.Join(',', versions);
    }

    private static bool IsValidHeartBeat(string value)
    {
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        return comma > 0
            && IsDigits(value.AsSpan(0, comma))
            && IsDigits(value.AsSpan(comma + 1));

        static bool IsDigits(ReadOnlySpan<char> text) =>
            !text.IsEmpty && text.Length <= 10 && !text.ContainsAnyExceptInRange('0', '9') && long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) <= int.MaxValue;
    }
}
