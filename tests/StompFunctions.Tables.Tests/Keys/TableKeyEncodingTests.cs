using StompFunctions.Tables.Keys;

namespace StompFunctions.Tables.Tests.Keys;

public sealed class TableKeyEncodingTests
{
    public static TheoryData<char> ForbiddenCharacters()
    {
        var data = new TheoryData<char> { '/', '\\', '#', '?' };
        for (var c = '\u0000'; c <= '\u001F'; c++)
        {
            data.Add(c);
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            data.Add(c);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenCharacters))]
    public void Every_character_Table_Storage_forbids_in_keys_is_escaped_and_round_trips(char forbidden)
    {
        var name = $"/topic/a{forbidden}b";

        Assert.True(TableKeyEncoding.TryEncode(name, out var key));

        Assert.DoesNotContain(forbidden, key);
        AssertIsValidTableKey(key);
        Assert.True(TableKeyEncoding.TryDecode(key, out var decoded));
        Assert.Equal(name, decoded);
    }

    [Theory]
    [InlineData('!')]
    [InlineData('|')]
    [InlineData('%')]
    [InlineData('+')]
    [InlineData('\'')]
    public void The_escape_the_separator_and_characters_URLs_decode_twice_are_escaped_too(char special)
    {
        var name = $"a{special}{special}b";

        Assert.True(TableKeyEncoding.TryEncode(name, out var key));

        Assert.Equal(name, TableKeyEncoding.Decode(key));
        if (special != TableKeyEncoding.EscapeChar)
        {
            Assert.DoesNotContain(special, key);
        }
    }

    [Fact]
    public void A_name_with_nothing_to_escape_is_its_own_key_without_allocating_a_copy()
    {
        var name = "topic.chat.room-1_é漢字 x";

        Assert.True(TableKeyEncoding.TryEncode(name, out var key));

        Assert.Same(name, key);
        Assert.Same(key, TableKeyEncoding.Decode(key));
    }

    [Fact]
    public void Every_character_of_the_first_256_code_points_round_trips_in_one_key()
    {
        var name = new string(Enumerable.Range(0, 256).Select(i => (char)i).ToArray());

        Assert.True(TableKeyEncoding.TryEncode(name, out var key, maxLength: 2048));

        AssertIsValidTableKey(key);
        Assert.Equal(name, TableKeyEncoding.Decode(key));
    }

    [Fact]
    public void Non_BMP_characters_round_trip_unchanged()
    {
        var name = "/topic/😀/x";

        Assert.True(TableKeyEncoding.TryEncode(name, out var key));

        Assert.Equal("!2Ftopic!2F😀!2Fx", key);
        Assert.Equal(name, TableKeyEncoding.Decode(key));
    }

    [Fact]
    public void A_lone_surrogate_cannot_be_encoded()
    {
        // Built in code: xunit's display of theory data would replace the lone surrogates.
        Assert.False(TableKeyEncoding.TryEncode("a\uD800b", out _));
        Assert.False(TableKeyEncoding.TryEncode("a\uDC00", out _));
        Assert.False(TableKeyEncoding.TryEncode("\uD800", out _));
        Assert.False(TableKeyEncoding.TryEncode("\uDC00\uD800", out _));
    }

    [Fact]
    public void A_key_of_exactly_512_characters_is_accepted_and_one_more_is_rejected()
    {
        Assert.True(TableKeyEncoding.TryEncode(new string('a', TableKeyEncoding.MaxKeyLength), out _));
        Assert.False(TableKeyEncoding.TryEncode(new string('a', TableKeyEncoding.MaxKeyLength + 1), out _));
    }

    [Fact]
    public void The_1_KiB_limit_counts_the_encoded_length_not_the_name_length()
    {
        // 171 slashes encode to 513 characters: the name is short, its key is too long.
        var name = new string('/', 171);

        Assert.False(TableKeyEncoding.TryEncode(name, out _));
        Assert.True(TableKeyEncoding.TryEncode(new string('/', 170), out var key));
        Assert.Equal(510, key.Length);
    }

    [Theory]
    [InlineData("a!")]
    [InlineData("a!2")]
    [InlineData("a!zz")]
    [InlineData("a!41")]
    [InlineData("a!2f")]
    public void A_string_the_encoder_never_writes_does_not_decode(string key)
    {
        Assert.False(TableKeyEncoding.TryDecode(key, out _));
        Assert.Throws<FormatException>(() => TableKeyEncoding.Decode(key));
    }

    [Fact]
    public void Distinct_names_never_share_a_key()
    {
        string[] names = ["a/b", "a!2Fb", "a|b", "a!7Cb", "a", "a!", "!", "!21"];

        var keys = names.Select(n => TableKeyEncoding.TryEncode(n, out var k) ? k : throw new InvalidOperationException()).ToArray();

        Assert.Equal(names.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    private static void AssertIsValidTableKey(string key)
    {
        foreach (var c in key)
        {
            Assert.False(c is '/' or '\\' or '#' or '?' or (>= '\u0000' and <= '\u001F') or (>= '\u007F' and <= '\u009F'), $"U+{(int)c:X4} in key");
        }
    }
}
