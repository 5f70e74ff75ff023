namespace StompFunctions.Broker.Tests.Support;

/// <summary>Ids <c>id-1</c>, <c>id-2</c>, … so tests can state exact headers.</summary>
internal sealed class SequentialIdGenerator : IStompIdGenerator
{
    private int _next;

    public string NewId() => $"id-{Interlocked.Increment(ref _next)}";
}
