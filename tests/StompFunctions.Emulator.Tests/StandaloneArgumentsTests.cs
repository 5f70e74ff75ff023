using Microsoft.Extensions.Configuration;
using StompFunctions.Emulator.Standalone;

namespace StompFunctions.Emulator.Tests;

/// <summary>The standalone command line: every mistake is one line before anything starts, as in the DevHost.</summary>
public sealed class StandaloneArgumentsTests
{
    [Theory]
    [InlineData(new[] { "--port" }, "--port needs a value")]
    [InlineData(new[] { "--port", "--hub", "stomp" }, "--port needs a value")]
    [InlineData(new[] { "--port", "0" }, "--port needs a number from 1 to 65535, not '0'")]
    [InlineData(new[] { "--port", "8080x" }, "--port needs a number from 1 to 65535")]
    [InlineData(new[] { "--anonymous", "yes" }, "--anonymous takes allow or deny, not 'yes'")]
    [InlineData(new[] { "--verbose" }, "Unknown option '--verbose'")]
    [InlineData(new[] { "stomp" }, "Unknown option 'stomp'")]
    [InlineData(new[] { "--hub", "9lives" }, "--hub '9lives' is not a valid hub name")]
    [InlineData(new[] { "--upstream", "localhost:7071/api/{event}" }, "--upstream needs an http(s) URL template")]
    [InlineData(new[] { "--system-events", "connect,message" }, "not 'message'")]
    [InlineData(new[] { "--config", "no-such-file.json" }, "does not exist")]
    public void A_wrong_option_is_one_line_naming_it(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => StandaloneArguments.Parse(args));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Help_is_an_option_and_the_usage_names_every_option()
    {
        var parsed = StandaloneArguments.Parse(["--help"]);

        Assert.True(parsed.ShowHelp);
        foreach (var option in new[] { "--port", "--host", "--hub", "--upstream", "--user-events", "--system-events", "--anonymous", "--access-key", "--config", "--help" })
        {
            Assert.Contains(option, StandaloneArguments.Usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Valid_options_become_the_configuration_the_standalone_settings_read()
    {
        var parsed = StandaloneArguments.Parse(
            ["--port", "8081", "--hub", "stomp", "--upstream", "http://localhost:7071/api/webpubsub/{event}", "--anonymous", "allow", "--system-events", "connect, disconnected"]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(parsed.Values).Build();
        var options = new WebPubSubEmulatorOptions();

        StandaloneSettings.Apply(configuration, options);

        Assert.False(parsed.ShowHelp);
        Assert.Equal(8081, StandaloneSettings.Port(configuration));
        Assert.Equal(AnonymousConnectPolicy.Allow, options.Hubs["stomp"].AnonymousConnectPolicy);
        var handler = Assert.Single(options.Hubs["stomp"].EventHandlers);
        Assert.Equal("http://localhost:7071/api/webpubsub/{event}", handler.UrlTemplate);
        Assert.Equal(["connect", "disconnected"], handler.SystemEvents);
    }
}
