using System.Buffers;
using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Recovery;

/// <summary>
/// Tells the connections whose routes the store lost, and that sent no frame to restore them, with an ERROR and a close.
/// Each connection with subscriptions is a member of the notice group of the store generation its routes were written
/// under (<see cref="GroupOf"/>); a restored connection moves to the new generation's group. Once a superseded
/// generation's grace ends, whichever frame or publish reaches this instance first sends the notice to its group.
/// </summary>
internal sealed class LostSubscriptionNotices(StoreGenerationWatch watch, IConnectionGateway gateway, ILogger logger)
{
    // '~' never appears after the prefix of a route's group (StompGroupNames keeps letters, digits, '-', '_' and '.').
    private const string GroupPrefix = StompGroupNames.Prefix + "~store.";

    private static readonly EngineFailure Failure = EngineFailure.For(EngineError.SubscriptionsLost);
    private static readonly byte[] ErrorFrame = WriteErrorFrame();

    /// <summary>The notice group of the connections whose routes were written under <paramref name="generation"/>.</summary>
    public static string GroupOf(string generation) => GroupPrefix + generation;

    /// <summary>Reads the generation when the cached one is stale (one store read per interval) and sends the notices that are due.</summary>
    public ValueTask ObserveAsync(CancellationToken cancellationToken) =>
        watch.Fresh is not null && !watch.HasPendingNotices ? ValueTask.CompletedTask : ObserveSlowAsync(cancellationToken);

    private async ValueTask ObserveSlowAsync(CancellationToken cancellationToken)
    {
        await watch.CurrentAsync(cancellationToken).ConfigureAwait(false);
        foreach (var generation in watch.TakeDueNotices())
        {
            var group = GroupOf(generation);
            try
            {
                await gateway.SendToGroupAsync(group, ErrorFrame, PayloadKind.Text, cancellationToken).ConfigureAwait(false);
                await gateway.CloseGroupAsync(group, MessageExecution.ErrorClosePrefix + Failure.Message, cancellationToken).ConfigureAwait(false);
                RecoveryLog.Noticed(logger, group);
            }
            catch (Exception e)
            {
                watch.Retry(generation);
                if (e is OperationCanceledException)
                {
                    throw;
                }

                RecoveryLog.NoticeFailed(logger, e.Message);
            }
        }
    }

    // STOMP 1.2 framing: the texts hold nothing that 1.0 or 1.1 would read differently.
    private static byte[] WriteErrorFrame()
    {
        var output = new ArrayBufferWriter<byte>(512);
        ServerFrames.WriteError(output, StompVersion.V1_2, Failure.Message, null, Failure.Details);
        return output.WrittenSpan.ToArray();
    }
}
