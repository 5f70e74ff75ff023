using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace StompFunctions.Broker.Identifiers;

/// <summary>
/// The default generator: a random 64-bit prefix drawn once per process plus a counter, so ids stay unique
/// across scaled-out instances without a random draw per message.
/// </summary>
internal sealed class RandomIdGenerator : IStompIdGenerator
{
    private readonly string _prefix;
    private long _counter;

    public RandomIdGenerator()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        _prefix = Convert.ToHexStringLower(random);
    }

    public string NewId()
    {
        var value = Interlocked.Increment(ref _counter);
        var digits = Math.Max(1, (64 - BitOperations.LeadingZeroCount((ulong)value) + 3) / 4);
        return string.Create(_prefix.Length + 1 + digits, (_prefix, value), static (span, state) =>
        {
            state._prefix.AsSpan().CopyTo(span);
            span[state._prefix.Length] = '-';
            state.value.TryFormat(span[(state._prefix.Length + 1)..], out _, "x", CultureInfo.InvariantCulture);
        });
    }
}
