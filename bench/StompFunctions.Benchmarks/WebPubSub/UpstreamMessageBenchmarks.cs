using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StompFunctions.Benchmarks.Tables;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.WebPubSub;

namespace StompFunctions.Benchmarks.WebPubSub;

/// <summary>
/// One upstream <c>message</c> event through the whole adapter, without the network: header parsing, signature
/// check, body read, the engine (in-memory store, a gateway that does nothing) and the answer with its state
/// header. The frame is a 200-byte SEND with a receipt to a destination without subscribers.
/// </summary>
[MemoryDiagnoser]
public class UpstreamMessageBenchmarks
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";
    private const string ConnectionId = "bench-connection";
    private static readonly byte[] Connect = Encoding.UTF8.GetBytes("CONNECT\naccept-version:1.2\nhost:/\n\n\0");
    private static readonly byte[] Send = Encoding.UTF8.GetBytes("SEND\ndestination:/topic/bench\ncontent-type:text/plain\nreceipt:r1\n\n" + new string('x', 200) + "\0");

    private StompUpstreamHandler _handler = null!;
    private ServiceProvider _services = null!;
    private string _signature = null!;
    private string? _state;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddStomp().AddWebPubSubGateway(o => o.ConnectionString = $"Endpoint=http://127.0.0.1:1;AccessKey={Key};Version=1.0;");
        services.Replace(ServiceDescriptor.Singleton<IConnectionGateway, NullGateway>());
        _services = services.BuildServiceProvider();
        _handler = _services.GetRequiredService<StompUpstreamHandler>();
        _signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(ConnectionId)));
        var connect = Context(Connect, state: null);
        await _handler.HandleAsync(connect);
        _state = connect.Response.Headers["ce-connectionState"].ToString();
        if (connect.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException("CONNECT failed: " + connect.Response.StatusCode);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public Task SendWithReceipt() => _handler.HandleAsync(Context(Send, _state));

    private DefaultHttpContext Context(byte[] payload, string? state)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.ContentType = "text/plain";
        request.ContentLength = payload.Length;
        request.Body = new MemoryStream(payload, writable: false);
        var headers = request.Headers;
        headers["ce-specversion"] = "1.0";
        headers["ce-type"] = "azure.webpubsub.user.message";
        headers["ce-hub"] = "stomp";
        headers["ce-connectionId"] = ConnectionId;
        headers["ce-eventName"] = "message";
        headers["ce-subprotocol"] = "v12.stomp";
        headers["ce-signature"] = _signature;
        if (state is not null)
        {
            headers["ce-connectionState"] = state;
        }

        context.Response.Body = Stream.Null;
        return context;
    }
}
