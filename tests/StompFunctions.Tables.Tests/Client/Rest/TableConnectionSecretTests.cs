using StompFunctions.Tables.Client.Rest;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Client.Rest;

public sealed class TableConnectionSecretTests
{
    [Fact]
    public void UseDevelopmentStorage_means_Azurites_well_known_account_and_key()
    {
        var secret = TableConnectionSecret.Parse("UseDevelopmentStorage=true");

        Assert.Equal(AzuriteFixture.AccountName, secret.AccountName);
        Assert.Equal(Convert.FromBase64String(AzuriteFixture.AccountKey), secret.AccountKey);
    }

    [Fact]
    public void An_account_key_is_decoded_and_its_padding_kept()
    {
        var key = Convert.ToBase64String(new byte[] { 1, 2, 3, 4 });

        var secret = TableConnectionSecret.Parse($"DefaultEndpointsProtocol=https; AccountName=acct ;AccountKey={key};EndpointSuffix=core.windows.net");

        Assert.Equal("acct", secret.AccountName);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, secret.AccountKey);
        Assert.Null(secret.SharedAccessSignature);
    }

    [Fact]
    public void A_shared_access_signature_is_kept_whole_without_its_question_mark()
    {
        var secret = TableConnectionSecret.Parse("TableEndpoint=https://acct.table.core.windows.net/;SharedAccessSignature=?sv=2019-02-02&sig=a%2Bb%3D&se=x");

        Assert.Equal("sv=2019-02-02&sig=a%2Bb%3D&se=x", secret.SharedAccessSignature);
        Assert.Null(secret.AccountKey);
    }

    [Fact]
    public void A_connection_string_without_a_key_or_signature_is_refused_with_the_setting_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TableConnectionSecret.Parse("TableEndpoint=https://acct.table.core.windows.net/"));

        Assert.Contains("Tables:ConnectionString", e.Message, StringComparison.Ordinal);
    }
}
