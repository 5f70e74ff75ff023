namespace StompFunctions.Rest.Tests;

/// <summary>Request ids and nonces made without a system call are still well-formed version-4 GUIDs, all different.</summary>
public sealed class RandomIdsTests
{
    [Fact]
    public void Ids_are_version_4_with_the_RFC_variant_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => RandomIds.NewGuid()).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(4, id.Version));
        Assert.All(ids, id => Assert.Equal('4', id.ToString()[14]));
        Assert.All(ids, id => Assert.Contains(id.ToString()[19], "89ab"));
    }
}
