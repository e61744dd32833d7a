using Lightbridge.Emulators.Lightspeed.Paging;
using Lightbridge.Emulators.Lightspeed.Query;

namespace Lightbridge.Emulators.Lightspeed.Tests.Paging;

public sealed class KeysetPagerTests
{
    private sealed class Row(long id, int key)
    {
        public long Id { get; } = id;

        public int Key { get; set; } = key;
    }

    private static readonly FieldDefinition<Row> KeyField = new("key", FieldKind.Integer, r => (long)r.Key);

    [Test]
    public void Fetch_ById_WalksFilteredRowsWithCursors()
    {
        var rows = Enumerable.Range(1, 10).Select(i => new Row(i, 0)).ToList();
        var first = KeysetPager.Fetch(rows, r => r.Id, null, false, r => r.Id % 2 == 0, null, null, 2);
        Assert.That(first.Rows.Select(r => r.Id), Is.EqualTo(new long[] { 2, 4 }));
        Assert.That(first.Previous, Is.Null);
        Assert.That(first.Next!.Id, Is.EqualTo(4));

        var second = KeysetPager.Fetch(rows, r => r.Id, null, false, r => r.Id % 2 == 0, first.Next, null, 2);
        Assert.That(second.Rows.Select(r => r.Id), Is.EqualTo(new long[] { 6, 8 }));
        Assert.That(second.Previous!.Id, Is.EqualTo(6));

        var third = KeysetPager.Fetch(rows, r => r.Id, null, false, r => r.Id % 2 == 0, second.Next, null, 2);
        Assert.That(third.Rows.Select(r => r.Id), Is.EqualTo(new long[] { 10 }));
        Assert.That(third.Next, Is.Null);

        var back = KeysetPager.Fetch(rows, r => r.Id, null, false, r => r.Id % 2 == 0, null, second.Previous, 2);
        Assert.That(back.Rows.Select(r => r.Id), Is.EqualTo(new long[] { 2, 4 }));
        Assert.That(back.Previous, Is.Null);
    }

    [Test]
    public void Fetch_RowsInsertedBetweenPages_NeitherSkippedNorRepeated()
    {
        var rows = Enumerable.Range(1, 5).Select(i => new Row(i, 0)).ToList();
        var page = KeysetPager.Fetch(rows, r => r.Id, null, false, _ => true, null, null, 3);
        rows.Add(new Row(6, 0));
        rows.Add(new Row(7, 0));
        var seen = page.Rows.Select(r => r.Id).ToList();
        while (page.Next is not null)
        {
            page = KeysetPager.Fetch(rows, r => r.Id, null, false, _ => true, page.Next, null, 3);
            seen.AddRange(page.Rows.Select(r => r.Id));
        }

        Assert.That(seen, Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6, 7 }));
    }

    [Test]
    public void Fetch_ByKeyDescending_BreaksTiesById()
    {
        // In the kept order by key, ties by id, as RecordTable.OrderedBy hands it over.
        var rows = new List<Row> { new(1, 5), new(3, 5), new(2, 7), new(4, 9) };
        var page = KeysetPager.Fetch(rows, r => r.Id, KeyField, true, _ => true, null, null, 2);
        Assert.That(page.Rows.Select(r => r.Id), Is.EqualTo(new long[] { 4, 2 }));
        var next = KeysetPager.Fetch(rows, r => r.Id, KeyField, true, _ => true, page.Next, null, 2);
        Assert.That(next.Rows.Select(r => r.Id), Is.EqualTo(new long[] { 3, 1 }));
        Assert.That(next.Next, Is.Null);
    }

    [Test]
    public void Fetch_ByKeyWithFilter_SkipsNonMatchingRowsInTheOrder()
    {
        var rows = Enumerable.Range(1, 9).Select(i => new Row(i, 10 - i)).OrderBy(r => r.Key).ToList();
        var page = KeysetPager.Fetch(rows, r => r.Id, KeyField, false, r => r.Id % 3 != 0, null, null, 3);
        Assert.That(page.Rows.Select(r => r.Id), Is.EqualTo(new long[] { 8, 7, 5 }));
        var next = KeysetPager.Fetch(rows, r => r.Id, KeyField, false, r => r.Id % 3 != 0, page.Next, null, 3);
        Assert.That(next.Rows.Select(r => r.Id), Is.EqualTo(new long[] { 4, 2, 1 }));
        Assert.That(next.Next, Is.Null);
        Assert.That(next.Previous!.Id, Is.EqualTo(4));
    }

    [Test]
    public void Fetch_NoMatches_ReturnsEmptyPageWithoutCursors()
    {
        var rows = Enumerable.Range(1, 3).Select(i => new Row(i, 0)).ToList();
        var page = KeysetPager.Fetch(rows, r => r.Id, null, false, _ => false, null, null, 2);
        Assert.That(page.Rows, Is.Empty);
        Assert.That(page.Next, Is.Null);
        Assert.That(page.Previous, Is.Null);
    }
}
