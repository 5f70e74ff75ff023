using Azure.Core;
using Azure.Identity;
using StompFunctions.Tables.Client;

namespace StompFunctions.Tables.Tests.Client;

public sealed class TableServiceClientFactoryTests
{
    [Fact]
    public void UseDevelopmentStorage_points_at_Azurite_on_its_default_port()
    {
        var client = TableServiceClientFactory.Create(new TableStorageOptions { ConnectionString = "UseDevelopmentStorage=true" });

        Assert.Equal("devstoreaccount1", client.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), client.Uri);
    }

    [Fact]
    public void An_Azurite_connection_string_on_a_custom_port_is_honoured()
    {
        var connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" +
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "TableEndpoint=http://127.0.0.1:47123/devstoreaccount1;";

        var client = TableServiceClientFactory.Create(new TableStorageOptions { ConnectionString = connectionString });

        Assert.Equal(new Uri("http://127.0.0.1:47123/devstoreaccount1"), client.Uri);
    }

    [Fact]
    public void A_full_Azure_connection_string_builds_the_account_endpoint_from_the_suffix()
    {
        var connectionString = "DefaultEndpointsProtocol=https;AccountName=stompstate;AccountKey=" +
            Convert.ToBase64String(new byte[32]) + ";EndpointSuffix=core.windows.net";

        var client = TableServiceClientFactory.Create(new TableStorageOptions { ConnectionString = connectionString });

        Assert.Equal("stompstate", client.AccountName);
        Assert.Equal("stompstate.table.core.windows.net", client.Uri.Host);
    }

    [Fact]
    public void A_connection_string_wins_over_an_endpoint()
    {
        var client = TableServiceClientFactory.Create(new TableStorageOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            Endpoint = new Uri("https://other.table.core.windows.net/"),
        });

        Assert.Equal("devstoreaccount1", client.AccountName);
    }

    [Fact]
    public void An_endpoint_with_a_client_id_uses_that_user_assigned_managed_identity()
    {
        var options = new TableStorageOptions { Endpoint = new Uri("https://acct.table.core.windows.net/"), ClientId = "00000000-0000-0000-0000-000000000001" };

        Assert.IsType<ManagedIdentityCredential>(TableServiceClientFactory.CreateCredential(options));
        Assert.Equal("acct", TableServiceClientFactory.Create(options).AccountName);
    }

    [Fact]
    public void An_endpoint_alone_uses_DefaultAzureCredential()
    {
        var options = new TableStorageOptions { Endpoint = new Uri("https://acct.table.core.windows.net/") };

        Assert.IsType<DefaultAzureCredential>(TableServiceClientFactory.CreateCredential(options));
    }

    [Fact]
    public void A_credential_supplied_by_code_wins_over_the_client_id()
    {
        TokenCredential credential = new ClientSecretCredential("tenant", "client", "not-a-secret");
        var options = new TableStorageOptions { Endpoint = new Uri("https://acct.table.core.windows.net/"), ClientId = "x", Credential = credential };

        Assert.Same(credential, TableServiceClientFactory.CreateCredential(options));
    }

    [Fact]
    public void Missing_configuration_fails_with_a_message_naming_the_settings()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TableServiceClientFactory.Create(new TableStorageOptions()));

        Assert.Contains("Tables:ConnectionString", e.Message, StringComparison.Ordinal);
        Assert.Contains("Tables:Endpoint", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_settings_are_applied_explicitly_to_the_client_options()
    {
        var options = new TableStorageOptions();
        options.Retry.MaxRetries = 7;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
        options.Retry.Mode = RetryMode.Fixed;

        var clientOptions = TableServiceClientFactory.CreateClientOptions(options);

        Assert.Equal(7, clientOptions.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(50), clientOptions.Retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(1), clientOptions.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), clientOptions.Retry.NetworkTimeout);
        Assert.Equal(RetryMode.Fixed, clientOptions.Retry.Mode);
    }

    [Fact]
    public void The_default_retry_settings_back_off_exponentially_and_bound_each_attempt()
    {
        var clientOptions = TableServiceClientFactory.CreateClientOptions(new TableStorageOptions());

        Assert.Equal(RetryMode.Exponential, clientOptions.Retry.Mode);
        Assert.Equal(3, clientOptions.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), clientOptions.Retry.NetworkTimeout);
    }

    [Fact]
    public void The_sdk_logging_tracing_and_telemetry_policies_are_off_unless_asked_for()
    {
        var lean = TableServiceClientFactory.CreateClientOptions(new TableStorageOptions()).Diagnostics;
        Assert.False(lean.IsLoggingEnabled);
        Assert.False(lean.IsDistributedTracingEnabled);
        Assert.False(lean.IsTelemetryEnabled);

        var traced = TableServiceClientFactory.CreateClientOptions(new TableStorageOptions { SdkDiagnostics = true }).Diagnostics;
        Assert.True(traced.IsLoggingEnabled);
        Assert.True(traced.IsDistributedTracingEnabled);
        Assert.True(traced.IsTelemetryEnabled);
    }

    [Fact]
    public void Clients_made_from_one_options_object_share_one_credential()
    {
        var options = new TableStorageOptions { Endpoint = new Uri("https://acct.table.core.windows.net/"), ClientId = "00000000-0000-0000-0000-000000000001" };
        var other = new TableStorageOptions { Endpoint = options.Endpoint, ClientId = options.ClientId };

        Assert.Same(TableServiceClientFactory.CreateCredential(options), TableServiceClientFactory.CreateCredential(options));
        Assert.NotSame(TableServiceClientFactory.CreateCredential(options), TableServiceClientFactory.CreateCredential(other));
    }
}
