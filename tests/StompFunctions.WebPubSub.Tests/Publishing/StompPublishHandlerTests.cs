using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.WebPubSub.Publishing;

namespace StompFunctions.WebPubSub.Tests.Publishing;

public sealed class StompPublishHandlerTests
{
    private static DefaultHttpContext Request(string method, byte[] body, string? contentType = null, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Request.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string ResponseText(HttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());

    [Fact]
    public async Task A_POST_publishes_its_body_content_type_and_stomp_headers_to_the_destination_in_the_URL()
    {
        var publisher = new RecordingPublisher(routes: 3);
        var context = Request("POST", [0x00, 0xFF, 0x41], "application/octet-stream", ("stomp-Priority", "high"), ("x-other", "ignored"));

        await new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance).HandleAsync(context, "topic/news");

        Assert.Equal(StatusCodes.Status202Accepted, context.Response.StatusCode);
        Assert.Equal("""{"destination":"/topic/news","routes":3}""", ResponseText(context));
        var published = Assert.Single(publisher.Published);
        Assert.Equal("/topic/news", published.Destination);
        Assert.Equal([0x00, 0xFF, 0x41], published.Body);
        Assert.Equal([new("content-type", "application/octet-stream"), new("priority", "high")], published.Headers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("topic/a\nb")]
    public async Task A_missing_or_malformed_destination_is_a_400_with_a_reason_and_publishes_nothing(string? path)
    {
        var publisher = new RecordingPublisher(routes: 1);
        var context = Request("POST", "x"u8.ToArray());

        await new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance).HandleAsync(context, path);

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.NotEmpty(ResponseText(context));
        Assert.Empty(publisher.Published);
    }

    [Theory]
    [InlineData("topics/news")]
    [InlineData("app/x")]
    [InlineData("chat/lobby")]
    public async Task A_destination_a_SEND_could_not_fan_out_to_is_a_400_naming_the_broker_prefixes(string path)
    {
        var publisher = new RecordingPublisher(routes: 1);
        var context = Request("POST", "x"u8.ToArray());

        await new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance).HandleAsync(context, path);

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Contains("is not a broker destination: publish to one starting with /topic/ or /queue/", ResponseText(context), StringComparison.Ordinal);
        Assert.Empty(publisher.Published);
    }

    [Theory]
    [InlineData("topic/stocks.*")]
    [InlineData("topic/logs.#")]
    public async Task A_topic_pattern_is_a_400_saying_only_SUBSCRIBE_may_use_wildcards(string path)
    {
        var publisher = new RecordingPublisher(routes: 1);
        var context = Request("POST", "x"u8.ToArray());

        await new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance).HandleAsync(context, path);

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Contains("holds '*' or '#', which only a SUBSCRIBE may use", ResponseText(context), StringComparison.Ordinal);
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task A_user_destination_is_published_as_addressed_and_a_malformed_one_is_a_400()
    {
        var publisher = new RecordingPublisher(routes: 2);
        var handler = new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance);
        var accepted = Request("POST", "x"u8.ToArray());
        var refused = Request("POST", "x"u8.ToArray());

        await handler.HandleAsync(accepted, "user/alice/queue/inbox");
        await handler.HandleAsync(refused, "user/queue/inbox");

        Assert.Equal(StatusCodes.Status202Accepted, accepted.Response.StatusCode);
        Assert.Equal("/user/alice/queue/inbox", Assert.Single(publisher.Published).Destination);
        Assert.Equal(StatusCodes.Status400BadRequest, refused.Response.StatusCode);
    }

    [Fact]
    public async Task The_broker_prefixes_are_the_engines_configured_ones()
    {
        var options = new StompBrokerOptions();
        options.BrokerPrefixes.Add("/exchange/");
        var publisher = new RecordingPublisher(routes: 1);
        var context = Request("POST", "x"u8.ToArray());

        await new StompPublishHandler(publisher, Microsoft.Extensions.Options.Options.Create(options), NullLogger<StompPublishHandler>.Instance).HandleAsync(context, "exchange/prices");

        Assert.Equal(StatusCodes.Status202Accepted, context.Response.StatusCode);
        Assert.Equal("/exchange/prices", Assert.Single(publisher.Published).Destination);
    }

    [Theory]
    [InlineData("stomp-destination")]
    [InlineData("stomp-message-id")]
    [InlineData("stomp-subscription")]
    [InlineData("stomp-content-length")]
    public async Task A_header_the_broker_sets_itself_cannot_be_published(string header)
    {
        var publisher = new RecordingPublisher(routes: 1);
        var context = Request("POST", "x"u8.ToArray(), null, (header, "forged"));

        await new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance).HandleAsync(context, "topic/a");

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_even_without_a_content_length()
    {
        var publisher = new RecordingPublisher(routes: 1);
        var context = Request("POST", new byte[StompPublishHandler.MaxBodyBytes + 1]);
        context.Request.ContentLength = null;

        await new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance).HandleAsync(context, "topic/a");

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task A_store_outage_is_a_503_with_Retry_After_not_a_500()
    {
        var publisher = new RecordingPublisher(routes: 1) { Failure = new StompStoreUnavailableException("down") };
        var context = Request("POST", "x"u8.ToArray());

        await new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance).HandleAsync(context, "topic/a");

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Only_POST_publishes()
    {
        var publisher = new RecordingPublisher(routes: 1);
        var context = Request("GET", []);

        await new StompPublishHandler(publisher, NullLogger<StompPublishHandler>.Instance).HandleAsync(context, "topic/a");

        Assert.Equal(StatusCodes.Status405MethodNotAllowed, context.Response.StatusCode);
        Assert.Equal("POST", context.Response.Headers.Allow.ToString());
        Assert.Empty(publisher.Published);
    }

    private sealed record Publication(string Destination, byte[] Body, List<KeyValuePair<string, string>> Headers);

    private sealed class RecordingPublisher(int routes) : IStompPublisher
    {
        public List<Publication> Published { get; } = [];

        public Exception? Failure { get; init; }

        public ValueTask<int> PublishAsync(string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            Published.Add(new Publication(destination, body.ToArray(), [.. headers ?? []]));
            return ValueTask.FromResult(routes);
        }

        public ValueTask<int> PublishAsync(string destination, string body, IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
            => PublishAsync(destination, Encoding.UTF8.GetBytes(body), headers, cancellationToken);
    }
}
