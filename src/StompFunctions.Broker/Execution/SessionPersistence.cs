using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Buffers;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Sessions;

namespace StompFunctions.Broker.Execution;

/// <summary>
/// Where a session lives between events: in the <c>ce-connectionState</c> value, or, above
/// <see cref="StompBrokerOptions.ConnectionStateSpillThreshold"/>, spilled to the store with a pointer in the value.
/// </summary>
internal sealed class SessionPersistence(IStompStateStore store, StompBrokerOptions options, ILogger logger)
{
    /// <summary>Reads the session from the header value or, when it was spilled, from the store; null when corrupt.</summary>
    public async ValueTask<SessionState?> LoadAsync(string connectionId, string? headerValue, CancellationToken cancellationToken)
    {
        if (!SessionStateSerializer.TryParseHeaderValue(headerValue, out var state, out var spillETag))
        {
            return null;
        }

        if (spillETag is null)
        {
            return state;
        }

        var spilled = await store.ReadSpilledStateAsync(connectionId, cancellationToken).ConfigureAwait(false);
        if (spilled is null || !SessionStateSerializer.TryParseJson(spilled.Data.Span, out state, out _))
        {
            return null;
        }

        state.SpillETag = spilled.ETag;
        state.SpilledByEarlierAttempt = !string.Equals(spilled.ETag, spillETag, StringComparison.Ordinal);
        return state;
    }

    /// <summary>Serializes a changed session into the header value, spilling it to the store when it is too large.</summary>
    public async ValueTask<string> SaveAsync(MessageExecution execution, string? previous)
    {
        if (!execution.StateChanged)
        {
            return previous ?? "";
        }

        var session = execution.Session;
        using var json = new PooledBufferWriter(512);
        SessionStateWriter.WriteJson(session, json);
        if (json.WrittenCount > options.MaxConnectionStateBytes)
        {
            // The per-item limits normally keep the state far below this; a session past it cannot be kept.
            execution.Fail(default, EngineError.SessionTooLarge, options.MaxConnectionStateBytes);
            return previous ?? "";
        }

        var base64Length = ((json.WrittenCount + 2) / 3) * 4;
        try
        {
            if (base64Length <= options.ConnectionStateSpillThreshold)
            {
                if (session.SpillETag is not null)
                {
                    await store.DeleteSpilledStateAsync(execution.ConnectionId, execution.CancellationToken).ConfigureAwait(false);
                }

                return SessionStateWriter.ToHeaderValue(json.WrittenSpan);
            }

            var written = await store.WriteSpilledStateAsync(execution.ConnectionId, json.WrittenMemory, null, execution.CancellationToken).ConfigureAwait(false);
            return SessionStateWriter.SpillPointer(written.ETag!);
        }
        catch (StompStoreUnavailableException ex)
        {
            // Frames were handled but the session cannot be kept: the client must start over (after at most one ERROR).
            EngineLog.StoreUnavailable(logger, execution.ConnectionId, ex.Message);
            execution.Fail(default, EngineError.StateNotSaved);
            return previous ?? "";
        }
    }
}
