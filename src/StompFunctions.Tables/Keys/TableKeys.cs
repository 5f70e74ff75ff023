using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace StompFunctions.Tables.Keys;

/// <summary>
/// The keys of every row the store writes (docs/table-design.md has the layout and its reasons).
/// A name whose encoding fits its budget is its encoding (<see cref="TableKeyEncoding"/>), readable and
/// reversible. A longer one becomes a prefix of its encoding, the marker <c>!!</c> and a hash of the
/// whole name: still one deterministic key per name, and rows keyed that way carry the name in a
/// property. The encoder always follows <c>!</c> with two hex digits, so <c>!!</c> marks hashed keys
/// and they never collide with encoded ones.
/// </summary>
internal static class TableKeys
{
    /// <summary>Marks a hashed key part.</summary>
    public const string HashMarker = "!!";

    /// <summary>Row key prefix of route rows; the range [<see cref="RoutePrefix"/>, <see cref="RouteRangeEnd"/>) holds exactly the routes.</summary>
    public const string RoutePrefix = "r|";

    /// <summary>The exclusive upper bound of route row keys (<c>}</c> follows <c>|</c>).</summary>
    public const string RouteRangeEnd = "r}";

    /// <summary>Row key prefix of member rows.</summary>
    public const string MemberPrefix = "m|";

    /// <summary>The row key of a connection's spilled state in its sessions partition.</summary>
    public const string SpillRowKey = "spill";

    /// <summary>The row key of a connection's event marker (its ETag is the version events are claimed against).</summary>
    public const string EventRowKey = "event";

    // 16 bytes of SHA-256 as hex: 32 characters, collision-free for any realistic number of names.
    private const int HashChars = 32;
    private const int MemberPartBudget = (TableKeyEncoding.MaxKeyLength - 3) / 2;

    /// <summary>The partition of a destination in the routes table.</summary>
    public static string DestinationPartition(string destination) => Part(destination, TableKeyEncoding.MaxKeyLength);

    /// <summary>The partition of a connection in the sessions table.</summary>
    public static string ConnectionPartition(string connectionId) => Part(connectionId, TableKeyEncoding.MaxKeyLength);

    /// <summary>The row key of a route, by its group.</summary>
    public static string RouteRow(string group) => string.Concat(RoutePrefix, Part(group, TableKeyEncoding.MaxKeyLength - RoutePrefix.Length));

    /// <summary>The row key of a member: its group, then its connection.</summary>
    public static string MemberRow(string group, string connectionId) =>
        string.Concat(MemberPrefix, Part(group, MemberPartBudget), "|", Part(connectionId, MemberPartBudget));

    /// <summary>Whether a key was hashed, so the name must come from the row's property.</summary>
    public static bool IsHashed(string key) => key.Contains(HashMarker, StringComparison.Ordinal);

    /// <summary>The encoded name when it fits <paramref name="budget"/>, else its hashed form.</summary>
    public static string Part(string value, int budget)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TableKeyEncoding.TryEncode(value, out var key, budget) ? key : Hashed(value, budget);
    }

    private static string Hashed(string value, int budget)
    {
        var prefixBudget = budget - HashMarker.Length - HashChars;
        // Hashes the UTF-16 code units themselves: distinct strings hash apart even when they hold lone
        // surrogates (which UTF-8 would turn into the same replacement character), with no copy.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(value.AsSpan()), hash);

        // The readable prefix only helps people browsing the table; uniqueness comes from the hash.
        var readable = new StringBuilder(prefixBudget);
        foreach (var c in value)
        {
            if (readable.Length >= prefixBudget)
            {
                break;
            }

            readable.Append(TableKeyEncoding.NeedsEscape(c) || char.IsSurrogate(c) ? '_' : c);
        }

        return string.Concat(readable.ToString(), HashMarker, Convert.ToHexStringLower(hash[..(HashChars / 2)]));
    }
}
