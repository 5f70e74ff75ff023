using Azure.Core;
using Azure.Core.Pipeline;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Store;

/// <summary>
/// An event claim whose write succeeded but whose answer was lost (the connection dropped after the service applied
/// it): the pipeline retries the same write, the retry finds the marker changed, and the read that follows sees this
/// claim's own nonce, so the event is still delivered once rather than never.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LostClaimAnswerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_first_claim_whose_answer_is_lost_still_stands()
    {
        var drop = new DropFirstWriteAnswer();
        var store = TestStores.Create(WithPolicy(drop));

        var claim = await store.ClaimEventAsync("c-lost-insert", null, Ct);

        Assert.Equal(1, drop.Dropped);
        Assert.True(claim.Claimed);
        Assert.NotNull(claim.Version);
        var next = await store.ClaimEventAsync("c-lost-insert", claim.Version, Ct);
        Assert.True(next.Claimed);
    }

    [Fact]
    public async Task A_later_claim_whose_answer_is_lost_still_stands()
    {
        var drop = new DropFirstWriteAnswer { Armed = false };
        var store = TestStores.Create(WithPolicy(drop));
        var first = await store.ClaimEventAsync("c-lost-replace", null, Ct);

        drop.Armed = true;
        var second = await store.ClaimEventAsync("c-lost-replace", first.Version, Ct);

        Assert.Equal(1, drop.Dropped);
        Assert.True(second.Claimed);
        Assert.NotEqual(first.Version, second.Version);
    }

    [Fact]
    public async Task A_retried_event_still_loses_to_the_attempt_that_claimed_first()
    {
        var store = TestStores.Create(azurite);
        var first = await store.ClaimEventAsync("c-retried", null, Ct);
        Assert.True(first.Claimed);

        // The service's retry carries the state of before the first attempt: no version, a nonce of its own.
        var retry = await store.ClaimEventAsync("c-retried", null, Ct);

        Assert.False(retry.Claimed);
        Assert.Equal(first.Version, retry.Version);
    }

    private TableStorageOptions WithPolicy(HttpPipelinePolicy policy)
    {
        var options = TestTableOptions.For(azurite);
        options.ConfigureClientOptions = o => o.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>Lets the first write to the sessions table through to Azurite, then fails it as a dropped connection would.</summary>
    private sealed class DropFirstWriteAnswer : HttpPipelineSynchronousPolicy
    {
        public bool Armed { get; set; } = true;

        public int Dropped { get; private set; }

        public override void OnReceivedResponse(HttpMessage message)
        {
            var request = message.Request;
            var isClaim = (request.Method == RequestMethod.Post || request.Method == RequestMethod.Put)
                && request.Uri.Path.Contains("/sessions", StringComparison.Ordinal)
                && message.Response.Status is 201 or 204;
            if (Armed && isClaim && Dropped == 0)
            {
                Dropped++;
                throw new IOException("The answer was lost after the service applied the write.");
            }
        }
    }
}
