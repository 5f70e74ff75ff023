using System.Text.RegularExpressions;
using StompFunctions.Emulator.Rest;

namespace StompFunctions.Emulator.Tests;

/// <summary>The emulator's one table of refusals (code, message, target) covers every reason.</summary>
public sealed partial class ErrorTableTests
{
    public static TheoryData<string> Errors() => new(Enum.GetNames<EmulatorError>());

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_refusal_has_one_entry_with_a_message_and_at_most_one_argument(string name)
    {
        var error = Enum.Parse<EmulatorError>(name);
        var entry = EmulatorErrorTable.Describe(error);

        Assert.True(Enum.IsDefined(entry.Code));
        var placeholders = Placeholder().Matches(entry.Message).Select(m => m.Value).Distinct().ToList();
        Assert.True(placeholders.Count <= 1, $"{error}: {entry.Message}");
        var formatted = EmulatorErrorTable.Format(error, placeholders.Count == 0 ? [] : ["x"]);
        Assert.False(string.IsNullOrWhiteSpace(formatted));
        Assert.DoesNotContain("{0}", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_with_braces_is_written_literally()
    {
        Assert.Equal(
            "The body must be a JSON object {\"groups\": [string, ...], \"filter\": string}.",
            EmulatorErrorTable.Format(EmulatorError.GroupsByFilterBodyInvalid, []));
    }

    [GeneratedRegex(@"(?<!\{)\{\d\}(?!\})")]
    private static partial Regex Placeholder();
}
