using System.Security.Cryptography;
using System.Text;
using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub.Tests.Upstream;

public sealed class SignatureValidatorTests
{
    private const string Primary = "primary-key";
    private const string Secondary = "secondary-key";

    internal static string Sign(string key, string connectionId) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(connectionId)));

    [Fact]
    public void A_signature_made_with_the_primary_or_the_secondary_key_is_valid()
    {
        var validator = new SignatureValidator([Primary, Secondary]);

        Assert.True(validator.IsValid("c1", Sign(Primary, "c1")));
        Assert.True(validator.IsValid("c1", Sign(Secondary, "c1")));
        Assert.True(validator.IsValid("c1", $"{Sign("old", "c1")}, {Sign(Secondary, "c1")}"));
    }

    [Fact]
    public void Unresolved_Key_Vault_references_as_keys_refuse_every_genuine_signature()
    {
        // In Azure the keys are Key Vault references (infra/app/function.bicep); App Service passes the reference
        // text on as the value when it cannot resolve it. Then nothing the service signs is accepted: closed, not open.
        var validator = new SignatureValidator([
            "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/webpubsub-primary-key)",
            "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/webpubsub-secondary-key)",
        ]);

        Assert.False(validator.IsValid("c1", Sign(Primary, "c1")));
        Assert.False(validator.IsValid("c1", $"{Sign(Primary, "c1")},{Sign(Secondary, "c1")}"));
    }

    [Fact]
    public void Hex_case_does_not_matter()
    {
        var validator = new SignatureValidator([Primary]);

        Assert.True(validator.IsValid("c1", Sign(Primary, "c1").ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=0123")]
    [InlineData("sha256=zz")]
    public void Missing_or_malformed_signatures_are_invalid(string? signature)
    {
        Assert.False(new SignatureValidator([Primary]).IsValid("c1", signature));
    }

    [Fact]
    public void A_signature_made_with_a_wrong_key_is_invalid()
    {
        Assert.False(new SignatureValidator([Primary, Secondary]).IsValid("c1", Sign("wrong", "c1")));
    }

    [Fact]
    public void A_signature_replayed_for_another_connection_id_is_invalid()
    {
        Assert.False(new SignatureValidator([Primary]).IsValid("c2", Sign(Primary, "c1")));
    }

    [Fact]
    public void Without_any_key_nothing_is_valid()
    {
        var validator = new SignatureValidator([]);

        Assert.False(validator.HasKeys);
        Assert.False(validator.IsValid("c1", Sign(string.Empty, "c1")));
    }
}
