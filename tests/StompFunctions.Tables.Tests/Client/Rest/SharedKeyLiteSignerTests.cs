using Azure;
using Azure.Data.Tables;
using StompFunctions.Tables.Client.Rest;
using StompFunctions.Tables.Tests.Azurite;

namespace StompFunctions.Tables.Tests.Client.Rest;

/// <summary>The lean client's SharedKeyLite signature is the one Azure.Data.Tables computes for the same date and path.</summary>
public sealed class SharedKeyLiteSignerTests
{
    private static readonly Uri PathStyleEndpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    [Theory]
    [InlineData("c!20x", "event")]
    [InlineData("O'Brien/ü", "r|g 1")]
    [InlineData("plain", "spill")]
    public async Task The_signature_of_an_entity_request_equals_the_SDKs(string partitionKey, string rowKey)
    {
        var sdk = await SdkRequestAsync(client => client.UpdateEntityAsync(new TableEntity(partitionKey, rowKey), ETag.All, TableUpdateMode.Replace));

        var signer = new SharedKeyLiteSigner(AzuriteFixture.AccountName, Convert.FromBase64String(AzuriteFixture.AccountKey), TimeProvider.System);

        Assert.Equal(sdk.Header("Authorization"), signer.Authorization(sdk.Header("x-ms-date")!, sdk.Uri.AbsolutePath));
    }

    [Fact]
    public async Task The_signature_of_a_query_ignores_the_query_string_as_the_SDKs_does()
    {
        var sdk = await SdkRequestAsync(async client =>
        {
            await foreach (var _ in client.QueryAsync<TableEntity>("PartitionKey eq 'a'"))
            {
            }
        });

        var signer = new SharedKeyLiteSigner(AzuriteFixture.AccountName, Convert.FromBase64String(AzuriteFixture.AccountKey), TimeProvider.System);

        Assert.Contains("$filter=", sdk.Uri.Query, StringComparison.Ordinal);
        Assert.Equal(sdk.Header("Authorization"), signer.Authorization(sdk.Header("x-ms-date")!, sdk.Uri.AbsolutePath));
    }

    [Fact]
    public void A_path_longer_than_the_stack_buffer_is_signed_from_a_pooled_one()
    {
        var signer = new SharedKeyLiteSigner(AzuriteFixture.AccountName, Convert.FromBase64String(AzuriteFixture.AccountKey), TimeProvider.System);
        var path = "/devstoreaccount1/t(PartitionKey='" + new string('a', 2000) + "',RowKey='event')";

        var first = signer.Authorization("Sun, 06 Dec 2026 06:42:35 GMT", path);

        Assert.StartsWith("SharedKeyLite devstoreaccount1:", first, StringComparison.Ordinal);
        Assert.Equal(first, signer.Authorization("Sun, 06 Dec 2026 06:42:35 GMT", path));
        Assert.NotEqual(first, signer.Authorization("Sun, 06 Dec 2026 06:42:36 GMT", path));
    }

    /// <summary>The request Azure.Data.Tables sends for <paramref name="call"/>, answered by a stub.</summary>
    private static async Task<RecordedRequest> SdkRequestAsync(Func<TableClient, Task> call)
    {
        var stub = new StubHandler { Answer = _ => StubHandler.Json(System.Net.HttpStatusCode.OK, """{"value":[]}""") };
        var options = new TableClientOptions { Transport = stub.Transport() };
        options.Retry.MaxRetries = 0;
        var client = new TableClient(PathStyleEndpoint, "routes", new TableSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey), options);
        try
        {
            await call(client);
        }
        catch (RequestFailedException)
        {
            // Only the request matters; the stub's answer need not suit the call.
        }

        return Assert.Single(stub.Requests);
    }
}
