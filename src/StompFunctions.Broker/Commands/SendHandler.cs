using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Routing;

namespace StompFunctions.Broker.Commands;

/// <summary>SEND: held when it names a transaction; otherwise authorization hooks, then its handler or the broker's fan-out.</summary>
internal sealed class SendHandler(CompiledHandlers handlers, DestinationClassifier destinations, ContextServices services, TransactionHold transactions) : ICommandHandler
{
    public ValueTask HandleAsync(CommandFrame command)
    {
        if (command.Frame.Headers.TryGetValue("transaction"u8, out var transaction))
        {
            transactions.Hold(command, transaction);
            return ValueTask.CompletedTask;
        }

        return PerformAsync(command);
    }

    /// <summary>A SEND taking effect, directly or at COMMIT.</summary>
    public async ValueTask PerformAsync(CommandFrame command)
    {
        var execution = command.Execution;
        var frame = command.Frame;
        // Validated before dispatch (a held frame when it arrived), so the header is there.
        frame.Headers.TryGetValue("destination"u8, out var destination);
        destination ??= "";
        foreach (var authorize in handlers.SendAuthorizers)
        {
            var hookContext = new StompSendContext(services, execution, frame, destination, RouteValues.None);
            await authorize(hookContext).ConfigureAwait(false);
            if (hookContext.IsRejected)
            {
                command.Fail(EngineFailure.Rejected(hookContext.RejectionMessage!, hookContext.RejectionDetails));
                return;
            }
        }

        if (!handlers.Send.IsEmpty && handlers.Send.TryMatch(destination, out var handler, out var values))
        {
            var context = new StompSendContext(services, execution, frame, destination, values);
            await handler(context).ConfigureAwait(false);
            if (context.IsRejected)
            {
                command.Fail(EngineFailure.Rejected(context.RejectionMessage!, context.RejectionDetails));
            }

            return;
        }

        if (destinations.Classify(destination) == DestinationKind.Unrouted)
        {
            command.Fail(EngineError.UnknownDestination, destination, destinations.DescribePrefixes());
            return;
        }

        if (TopicWildcards.IsPattern(destination))
        {
            command.Fail(EngineError.WildcardSend, destination);
            return;
        }

        if (UserDestinations.IsUser(destination) && !UserDestinations.TryShown(destination, out _))
        {
            command.Fail(EngineError.InvalidUserDestination, destination);
            return;
        }

        await services.FanOut.PublishAsync(destination, frame, execution.CancellationToken, execution).ConfigureAwait(false);
    }
}
