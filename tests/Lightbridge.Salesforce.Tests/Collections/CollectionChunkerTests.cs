using Lightbridge.Salesforce.Collections;

namespace Lightbridge.Salesforce.Tests.Collections;

public sealed class CollectionChunkerTests
{
    [TestCase(0, new int[0])]
    [TestCase(1, new[] { 1 })]
    [TestCase(200, new[] { 200 })]
    [TestCase(201, new[] { 200, 1 })]
    [TestCase(450, new[] { 200, 200, 50 })]
    public void Chunk_Count_ChunksOfAtMost200(int count, int[] sizes)
    {
        Assert.That(CollectionChunker.Chunk(count).Select(c => c.Length), Is.EqualTo(sizes));
    }

    [Test]
    public void Chunk_450_PositionsContiguousInInputOrder()
    {
        var chunks = CollectionChunker.Chunk(450);

        Assert.That(chunks.SelectMany(c => c), Is.EqualTo(Enumerable.Range(0, 450)));
        Assert.That(chunks[1][0], Is.EqualTo(200));
    }

    [Test]
    public void Chunk_SizeAbove200_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CollectionChunker.Chunk(10, 201));
    }
}
