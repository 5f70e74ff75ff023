using System.Security.Cryptography;
using System.Text;

namespace StompFunctions.Broker;

/// <summary>
/// Derives the gateway group of a route (destination, subscription id, ack mode). Web PubSub group names
/// must be 1–1024 characters and travel percent-encoded in REST paths, and stores may use them as keys
/// (Table keys forbid <c>/ \ # ?</c> and control characters), so the name is a readable, sanitized prefix
/// of the destination followed by a hash of the exact triple: distinct triples never share a group.
/// </summary>
public static class StompGroupNames
{
    /// <summary>Every group the engine creates starts with this, so operators can tell them apart.</summary>
    public const string Prefix = "stomp.";

    private const int ReadableChars = 48;
    private const int HashBytes = 16;

    /// <summary>The group name for a route.</summary>
    public static string For(string destination, string subscriptionId, StompAckMode ackMode)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(subscriptionId);

        // NUL cannot occur in STOMP header values, so it separates the parts unambiguously.
        var key = string.Concat(destination, "\0", subscriptionId, "\0", AckModeName(ackMode));
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
