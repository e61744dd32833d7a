using Lightbridge.Core.Planning;

namespace Lightbridge.Core.Tests.Planning;

public sealed class ParentOrderingTests
{
    private sealed record Child(string Id, string? Parent);

    [Test]
    public void SortByParent_InterleavedChildren_GroupedStableNullsLast()
    {
        Child[] children = [new("1", "B"), new("2", "A"), new("3", null), new("4", "B"), new("5", "A")];

        var sorted = ParentOrdering.SortByParent(children, c => c.Parent);

        Assert.That(sorted.Select(c => c.Id), Is.EqualTo(new[] { "2", "5", "1", "4", "3" }));
    }

    [Test]
    public void ChunkByParent_GroupWouldStraddle_ClosesChunkEarly()
    {
        Child[] sorted = [new("1", "A"), new("2", "A"), new("3", "B"), new("4", "B"), new("5", "B")];

        var chunks = ParentOrdering.ChunkByParent(sorted, c => c.Parent, 4);

        Assert.That(chunks.Select(c => string.Concat(c.Select(x => x.Id))), Is.EqualTo(new[] { "12", "345" }));
    }

    [Test]
    public void ChunkByParent_ParentLargerThanChunk_Split()
    {
        Child[] sorted = [new("1", "A"), new("2", "A"), new("3", "A"), new("4", "B")];

        var chunks = ParentOrdering.ChunkByParent(sorted, c => c.Parent, 2);

        Assert.That(chunks.Select(c => string.Concat(c.Select(x => x.Id))), Is.EqualTo(new[] { "12", "34" }));
    }

    [Test]
    public void ChunkByParent_SmallGroups_FilledUpToSize()
    {
        Child[] sorted = [new("1", "A"), new("2", "B"), new("3", "C"), new("4", "D"), new("5", "E")];

        var chunks = ParentOrdering.ChunkByParent(sorted, c => c.Parent, 2);

        Assert.That(chunks.Select(c => c.Count), Is.EqualTo(new[] { 2, 2, 1 }));
    }
}
