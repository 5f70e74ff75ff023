using System.Security.Cryptography;
using System.Text;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>
/// Derives the gateway group of a route (destination, subscription id, ack mode). Web PubSub group names
/// must be 1–1024 characters and travel percent-encoded in REST paths, and stores may use them as keys
/// (Table keys forbid <c>/ \ # ?</c> and control characters), so the name is a readable, sanitized prefix
/// of the destination followed by a hash of the exact triple: distinct triples never share a group.
/// Subscriptions of STOMP 1.0 and 1.1 sessions get groups of their own, marked by a <c>.v10</c> or <c>.v11</c>
/// suffix: their MESSAGE frames follow their version's escaping rules, and the fan-out reads the version
/// back from the name (<see cref="VersionOf"/>). 1.2 names carry no suffix.
/// </summary>
public static class StompGroupNames
{
    /// <summary>Every group the engine creates starts with this, so operators can tell them apart.</summary>
    public const string Prefix = "stomp.";

    private const int ReadableChars = 48;
    private const int HashBytes = 16;

    private const string Version10Suffix = ".v10";
    private const string Version11Suffix = ".v11";

    /// <summary>The group name for a route of STOMP 1.2 sessions.</summary>
    public static string For(string destination, string subscriptionId, StompAckMode ackMode) =>
        For(destination, subscriptionId, ackMode, StompVersion.V1_2);

    /// <summary>The group name for a route of sessions of <paramref name="version"/>.</summary>
    public static string For(string destination, string subscriptionId, StompAckMode ackMode, StompVersion version)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var suffix = version switch
        {
            StompVersion.V1_2 => null,
            StompVersion.V1_1 => Version11Suffix,
            StompVersion.V1_0 => Version10Suffix,
            _ => throw new ArgumentOutOfRangeException(nameof(version)),
        };

        // NUL separates the parts; the parts are escaped so that no NUL of theirs can pose as a separator
        // (the codec refuses NUL in headers, but the publish API and stores must not depend on it).
        var key = string.Concat(EscapePart(destination), "\0", EscapePart(subscriptionId), "\0", AckModeName(ackMode), suffix);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);

        var builder = new StringBuilder(Prefix.Length + ReadableChars + 1 + (HashBytes * 2));
        builder.Append(Prefix);
        foreach (var c in destination)
        {
            if (builder.Length - Prefix.Length >= ReadableChars)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '.');
        }

        builder.Append('.');
        builder.Append(Convert.ToHexStringLower(hash[..HashBytes]));
        builder.Append(suffix);
        return builder.ToString();
    }

    /// <summary>
    /// The STOMP version whose rules the MESSAGE frames of a group follow: 1.0 or 1.1 for names with their suffix,
    /// 1.2 otherwise (1.2 names end in hexadecimal digits, which never spell a suffix).
    /// </summary>
    public static StompVersion VersionOf(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.EndsWith(Version11Suffix, StringComparison.Ordinal))
        {
            return StompVersion.V1_1;
        }

        return group.EndsWith(Version10Suffix, StringComparison.Ordinal) ? StompVersion.V1_0 : StompVersion.V1_2;
    }

    /// <summary>Injective and NUL-free: U+0001 becomes U+0001 U+0001, NUL becomes U+0001 U+0002; other text stays as it is.</summary>
    private static string EscapePart(string part)
    {
        if (part.AsSpan().IndexOfAny('\0', '\u0001') < 0)
        {
            return part;
        }

        var builder = new StringBuilder(part.Length + 8);
        foreach (var c in part)
        {
            if (c is '\0' or '\u0001')
            {
                builder.Append('\u0001').Append(c == '\0' ? '\u0002' : '\u0001');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string AckModeName(StompAckMode ackMode) => ackMode switch
    {
        StompAckMode.Auto => "auto",
        StompAckMode.Client => "client",
        StompAckMode.ClientIndividual => "client-individual",
        _ => throw new ArgumentOutOfRangeException(nameof(ackMode)),
    };
}
