using System.Collections.Concurrent;
using System.Text;
using Azure;

namespace StompFunctions.WebPubSub.Authentication;

/// <summary>
/// The <c>Authorization</c> value of a REST request signed with the access key, per audience (the full request URL):
/// minted once, then reused until half of its lifetime has passed, so a SEND's group send costs a dictionary
/// lookup instead of a JSON payload and an HMAC. A token is never reused after the key changed
/// (<c>AzureKeyCredential.Update</c>), and at most <see cref="MaxAudiences"/> audiences are kept.
/// </summary>
internal sealed class AccessKeyTokenCache
{
    /// <summary>Distinct request URLs kept; past it the cache starts over (groups are per route, so this is rare).</summary>
    public const int MaxAudiences = 1024;

    private readonly AzureKeyCredential _credential;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private KeyMaterial? _key;

    public AccessKeyTokenCache(AzureKeyCredential credential, TimeProvider timeProvider, TimeSpan lifetime)
    {
        _credential = credential;
        _timeProvider = timeProvider;
        _lifetime = lifetime;
    }

    public string AuthorizationFor(string audience)
    {
        var key = CurrentKey();
        var now = _timeProvider.GetUtcNow();
        if (_entries.TryGetValue(audience, out var entry) && ReferenceEquals(entry.Key, key) && now >= entry.IssuedAt && now < entry.RenewAt)
        {
            return entry.Authorization;
        }

        if (_entries.Count >= MaxAudiences)
        {
            _entries.Clear();
        }

        var authorization = "Bearer " + AccessKeyJwt.Create(key.Bytes, audience, now, _lifetime);
        _entries[audience] = new Entry(key, authorization, now, now + (_lifetime / 2));
        return authorization;
    }

    /// <summary>Key bytes are re-derived only when <c>AzureKeyCredential.Update</c> swapped the key (rotation).</summary>
    private KeyMaterial CurrentKey()
    {
        var key = _credential.Key;
        var cached = Volatile.Read(ref _key);
        if (cached is not null && ReferenceEquals(cached.Key, key))
        {
            return cached;
        }

        cached = new KeyMaterial(key, Encoding.UTF8.GetBytes(key));
        Volatile.Write(ref _key, cached);
        return cached;
    }

    private sealed record KeyMaterial(string Key, byte[] Bytes);

    private sealed record Entry(KeyMaterial Key, string Authorization, DateTimeOffset IssuedAt, DateTimeOffset RenewAt);
}
