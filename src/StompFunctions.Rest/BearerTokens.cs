using Azure.Core;

namespace StompFunctions.Rest;

/// <summary>
/// The <c>Authorization</c> value for one scope of a <see cref="TokenCredential"/> (a managed identity in Azure), kept
/// as Azure.Core's bearer policy keeps it: asked for again from the token's <see cref="AccessToken.RefreshOn"/>, or
/// five minutes before it expires when the credential names no refresh time. One caller refreshes at a time; while it
/// does, and when a refresh fails, callers keep using the token they have as long as it has not expired.
/// </summary>
internal sealed class BearerTokens
{
    /// <summary>How long before expiry a token is renewed when the credential gives no refresh time (as Azure.Core).</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly TokenCredential _credential;
    private readonly TokenRequestContext _context;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Token? _current;

    public BearerTokens(TokenCredential credential, string scope, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        _credential = credential;
        _context = new TokenRequestContext([scope]);
        _timeProvider = timeProvider;
    }

    /// <summary><c>Bearer {token}</c> for a request sent now.</summary>
    public ValueTask<string> AuthorizationAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        return current is not null && _timeProvider.GetUtcNow() < current.RefreshOn
            ? ValueTask.FromResult(current.Header)
            : RefreshAsync(current, cancellationToken);
    }

    private async ValueTask<string> RefreshAsync(Token? held, CancellationToken cancellationToken)
    {
        var usable = held is not null && _timeProvider.GetUtcNow() < held.ExpiresOn;
        if (usable && !_refresh.Wait(0, CancellationToken.None))
        {
            // Someone else is renewing it; this one is still good.
            return held!.Header;
        }

        if (!usable)
        {
            await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, held) && _timeProvider.GetUtcNow() < current.RefreshOn)
            {
                return current.Header;
            }

            try
            {
                var token = await _credential.GetTokenAsync(_context, cancellationToken).ConfigureAwait(false);
                var fresh = new Token("Bearer " + token.Token, token.ExpiresOn, token.RefreshOn ?? token.ExpiresOn - RefreshAhead);
                _current = fresh;
                return fresh.Header;
            }
            catch (Exception) when (usable && !cancellationToken.IsCancellationRequested)
            {
                // The identity endpoint failed; the token in hand has not expired, so requests go on with it.
                return held!.Header;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Token(string Header, DateTimeOffset ExpiresOn, DateTimeOffset RefreshOn);
}
