using Azure.Core;
using Microsoft.Extensions.Time.Testing;

namespace StompFunctions.Rest.Tests;

/// <summary>A managed identity's token is asked for once and renewed ahead of expiry, and a failed renewal loses nothing while the old token lasts.</summary>
public sealed class BearerTokensTests
{
    private const string Scope = "https://storage.azure.com/.default";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task One_token_serves_every_request_until_five_minutes_before_it_expires()
    {
        var credential = new CountingCredential(_clock, lifetime: TimeSpan.FromHours(1));
        var tokens = new BearerTokens(credential, Scope, _clock);

        Assert.Equal("Bearer t1", await tokens.AuthorizationAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("Bearer t1", await tokens.AuthorizationAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("Bearer t2", await tokens.AuthorizationAsync(CancellationToken.None));

        Assert.Equal(2, credential.Issued);
        Assert.Equal([Scope], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task The_credentials_refresh_time_wins_over_the_five_minutes()
    {
        var credential = new CountingCredential(_clock, lifetime: TimeSpan.FromHours(1), refreshAfter: TimeSpan.FromMinutes(30));
        var tokens = new BearerTokens(credential, Scope, _clock);

        await tokens.AuthorizationAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal("Bearer t2", await tokens.AuthorizationAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_renewal_keeps_the_unexpired_token_and_an_expired_one_is_not_used()
    {
        var credential = new CountingCredential(_clock, lifetime: TimeSpan.FromHours(1));
        var tokens = new BearerTokens(credential, Scope, _clock);
        await tokens.AuthorizationAsync(CancellationToken.None);
        credential.Fails = true;

        _clock.Advance(TimeSpan.FromMinutes(58));
        Assert.Equal("Bearer t1", await tokens.AuthorizationAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(3));
        await Assert.ThrowsAsync<InvalidOperationException>(() => tokens.AuthorizationAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Concurrent_callers_with_no_token_yet_wait_for_one_request_to_the_identity()
    {
        var credential = new CountingCredential(_clock, lifetime: TimeSpan.FromHours(1)) { Delay = TimeSpan.FromMilliseconds(50) };
        var tokens = new BearerTokens(credential, Scope, _clock);

        var headers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tokens.AuthorizationAsync(CancellationToken.None).AsTask()));

        Assert.All(headers, h => Assert.Equal("Bearer t1", h));
        Assert.Equal(1, credential.Issued);
    }

    private sealed class CountingCredential(TimeProvider clock, TimeSpan lifetime, TimeSpan? refreshAfter = null) : TokenCredential
    {
        private int _issued;

        public int Issued => _issued;

        public bool Fails { get; set; }

        public TimeSpan Delay { get; init; }

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            if (Fails)
            {
                throw new InvalidOperationException("identity endpoint down");
            }

            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            var now = clock.GetUtcNow();
            return new AccessToken($"t{Interlocked.Increment(ref _issued)}", now + lifetime, refreshAfter is { } after ? now + after : null, "Bearer");
        }
    }
}
