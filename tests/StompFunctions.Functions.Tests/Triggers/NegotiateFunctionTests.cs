using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Functions.Tests.Infrastructure;
using StompFunctions.Functions.Triggers;
using StompFunctions.Tables;
using StompFunctions.WebPubSub.ClientAuthentication;

namespace StompFunctions.Functions.Tests.Triggers;

/// <summary>NegotiateFunction: a client access URL for the emulator's hub, closed unless a setting opens it.</summary>
[Collection(FunctionsStackCollection.Name)]
public sealed class NegotiateFunctionTests(FunctionsStackFixture stack) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Negotiate_answers_a_WebSocket_URL_of_the_hub_with_an_access_token()
    {
        using var answer = await _http.GetFromJsonAsync<JsonDocument>(stack.Server.Url("negotiate"));

        var url = new Uri(answer!.RootElement.GetProperty("url").GetString()!);
        Assert.Equal("ws", url.Scheme);
        Assert.Equal(stack.Emulator.Endpoint.Authority, url.Authority);
        Assert.Equal($"/client/hubs/{FunctionsStackFixture.Hub}", url.AbsolutePath);
        Assert.Contains("access_token=", url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_ClientAuthentication_setting_the_deployed_app_refuses_every_caller_with_401()
    {
        using var host = FunctionsAppHost.Build(new Dictionary<string, string?>
        {
            [AppSettingNames.WebPubSubConnectionString] = stack.Emulator.ConnectionString,
            [TableStorageStompBuilderExtensions.StateStoreKey] = "InMemory",
        });
        var function = ActivatorUtilities.CreateInstance<NegotiateFunction>(host.Services);
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = new MemoryStream();

        await function.RunAsync(context.Request);

        Assert.Equal((int)HttpStatusCode.Unauthorized, context.Response.StatusCode);
        Assert.Equal(
            ClientAuthenticationMessages.Message(ClientAuthenticationFailure.NotConfigured),
            System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    public void Dispose() => _http.Dispose();
}
