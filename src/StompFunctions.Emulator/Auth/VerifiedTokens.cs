using System.Collections.Concurrent;

namespace StompFunctions.Emulator.Auth;

/// <summary>
/// Data-plane tokens already verified, by their exact text: a REST client sends the same cached token on every call,
/// and parsing and re-signing it each time is most of authenticating. An entry is used only while
/// <see cref="VerifiedToken.IsUsable"/> holds (lifetime, key still configured), else dropped so the token is verified
/// afresh. Only tokens that passed every check are added, and about <see cref="Capacity"/> are kept (calls adding at
/// the same moment may each add one): when full, the unusable entries go, and if that frees nothing all do (the
/// clients' working set is far smaller).
/// </summary>
internal sealed class VerifiedTokens
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, VerifiedToken> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VerifiedToken>.AlternateLookup<ReadOnlySpan<char>> _byText;

    public VerifiedTokens() => _byText = _entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _entries.Count;

    /// <summary>The usable entry for <paramref name="token"/>, or null (then the caller verifies it in full).</summary>
    public VerifiedToken? Find(ReadOnlySpan<char> token, WebPubSubEmulatorOptions settings, DateTimeOffset now)
    {
        if (!_byText.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (entry.IsUsable(settings, now))
        {
            return entry;
        }

        _byText.TryRemove(token, out _);
        return null;
    }

    public void Add(string token, VerifiedToken entry, WebPubSubEmulatorOptions settings, DateTimeOffset now)
    {
        if (_entries.Count >= Capacity)
        {
            foreach (var (text, kept) in _entries)
            {
                if (!kept.IsUsable(settings, now))
                {
                    _entries.TryRemove(text, out _);
                }
            }

            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }
        }

        _entries[token] = entry;
    }
}
