using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub.Tests.Upstream;

public sealed class AbuseProtectionTests
{
    [Theory]
    [InlineData("demo.webpubsub.azure.com")]
    [InlineData("DEMO.webpubsub.azure.com")]
    [InlineData("https://demo.webpubsub.azure.com")]
    [InlineData("demo.webpubsub.azure.com:443")]
    public void A_configured_origin_is_echoed_whatever_its_case_scheme_or_port(string requestOrigin)
    {
        var result = new AbuseProtection(["https://demo.webpubsub.azure.com"]).Check(requestOrigin);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(requestOrigin, result.AllowedOrigin);
    }

    [Fact]
    public void A_list_of_replica_origins_holding_an_allowed_one_is_answered_with_a_wildcard()
    {
        var result = new AbuseProtection(["demo.webpubsub.azure.com"]).Check("demo-replica.webpubsub.azure.com, demo.webpubsub.azure.com");

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("*", result.AllowedOrigin);
    }

    [Fact]
    public void An_unknown_origin_is_refused_with_403()
    {
        var result = new AbuseProtection(["demo.webpubsub.azure.com"]).Check("evil.example");

        Assert.Equal(403, result.StatusCode);
        Assert.Null(result.AllowedOrigin);
        Assert.NotNull(result.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void A_missing_origin_header_is_refused_with_400(string? requestOrigin)
    {
        Assert.Equal(400, new AbuseProtection(["*"]).Check(requestOrigin).StatusCode);
    }

    [Fact]
    public void A_wildcard_allows_every_origin()
    {
        Assert.Equal("*", new AbuseProtection(["*"]).Check("anything.example").AllowedOrigin);
    }
}
