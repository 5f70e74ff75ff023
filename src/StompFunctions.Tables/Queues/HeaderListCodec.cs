using System.Globalization;
using System.Text;

namespace StompFunctions.Tables.Queues;

/// <summary>
/// A message's header list in one string property: each name and value as its length in characters, a colon and
/// the text. Any character (colons, line feeds, backslashes) passes unchanged, and repeated names keep their order.
/// </summary>
internal static class HeaderListCodec
{
    public static string Encode(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in headers)
        {
            Append(builder, name);
            Append(builder, value);
        }

        return builder.ToString();
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return [];
        }

        var headers = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (position < encoded.Length)
        {
            var name = Next(encoded, ref position);
            var value = Next(encoded, ref position);
            headers.Add(new(name, value));
        }

        return headers;
    }

    private static void Append(StringBuilder builder, string text) =>
        builder.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);

    private static string Next(string encoded, ref int position)
    {
        var colon = encoded.IndexOf(':', position);
        if (colon < 0 || !int.TryParse(encoded.AsSpan(position, colon - position), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length > encoded.Length - colon - 1)
        {
            throw new InvalidDataException("A queue message's Headers property is malformed; it was not written by this store.");
        }

        position = colon + 1 + length;
        return encoded.Substring(colon + 1, length);
    }
}
