namespace StompFunctions.WebPubSub.Tests;

public sealed class ConnectionStringTests
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    [Fact]
    public void Parses_endpoint_access_key_and_version()
    {
        var parsed = WebPubSubConnectionString.Parse($"Endpoint=https://demo.webpubsub.azure.com;AccessKey={Key};Version=1.0;");

        Assert.Equal("https://demo.webpubsub.azure.com/", parsed.Endpoint.AbsoluteUri);
        Assert.Equal(Key, parsed.AccessKey);
        Assert.Equal("1.0", parsed.Version);
    }

    [Fact]
    public void Keys_are_case_insensitive_and_the_trailing_slash_of_the_endpoint_is_trimmed()
    {
        var parsed = WebPubSubConnectionString.Parse($"endpoint=http://localhost:8080/;accesskey={Key}");

        Assert.Equal("http://localhost:8080/", parsed.Endpoint.AbsoluteUri);
        Assert.Equal(8080, parsed.Endpoint.Port);
    }

    [Fact]
    public void Port_overrides_the_port_of_the_endpoint()
    {
        var parsed = WebPubSubConnectionString.Parse($"Endpoint=http://localhost;Port=8081;AccessKey={Key};Version=1.0;");

        Assert.Equal(8081, parsed.Endpoint.Port);
    }

    [Fact]
    public void An_access_key_keeps_its_equals_signs()
    {
        var parsed = WebPubSubConnectionString.Parse("Endpoint=https://a.webpubsub.azure.com;AccessKey=abc==;");

        Assert.Equal("abc==", parsed.AccessKey);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccessKey=k", "Endpoint is missing")]
    [InlineData("Endpoint=https://a.webpubsub.azure.com", "AccessKey is missing")]
    [InlineData("Endpoint=https://a;Endpoint=https://b;AccessKey=k", "appears twice")]
    [InlineData("Endpoint=ftp://a;AccessKey=k", "http or https")]
    [InlineData("Endpoint=https://a;AccessKey=k;Port=70000", "Port")]
    [InlineData("Endpoint=https://a;AccessKey=k;Port=x", "Port")]
    [InlineData("Endpoint=https://a;AccessKey=k;junk", "Key=Value")]
    public void Malformed_strings_are_rejected_with_a_reason(string connectionString, string reason)
    {
        Assert.False(WebPubSubConnectionString.TryParse(connectionString, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var exception = Assert.Throws<FormatException>(() => WebPubSubConnectionString.Parse(connectionString));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_access_key_never_appears_in_text_output()
    {
        var parsed = WebPubSubConnectionString.Parse($"Endpoint=https://a.webpubsub.azure.com;AccessKey={Key};Version=1.0;");
        var duplicate = Assert.Throws<FormatException>(() => WebPubSubConnectionString.Parse($"Endpoint=https://a;AccessKey={Key};AccessKey={Key}"));

        Assert.DoesNotContain(Key, parsed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, duplicate.Message, StringComparison.Ordinal);
    }
}
