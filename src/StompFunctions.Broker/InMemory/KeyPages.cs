namespace StompFunctions.Broker.InMemory;

/// <summary>Pages over the keys of an in-memory map the way the Table store pages over partitions.</summary>
internal static class KeyPages
{
    // Ordinal order and "after the last key returned" as the token: a key is listed once per pass,
    // whatever is added or removed between pages.
    public static List<string> Next(IEnumerable<string> source, string? continuationToken, int pageSizeHint, out string? next)
    {
        var pageSize = pageSizeHint <= 0 ? 1000 : pageSizeHint;
        var page = new List<string>(Math.Min(pageSize, 64));
        var keys = source.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        next = null;
        foreach (var key in keys)
        {
            if (continuationToken is not null && string.CompareOrdinal(key, continuationToken) <= 0)
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                next = page[^1];
                break;
            }

            page.Add(key);
        }

        return page;
    }
}
