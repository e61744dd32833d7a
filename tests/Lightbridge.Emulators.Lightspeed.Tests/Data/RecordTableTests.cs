using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Tests.Data;

public sealed class RecordTableTests
{
    private sealed class Row(int id, int key)
    {
        public int Id { get; } = id;

        public int Key { get; set; } = key;
    }

    private static int ByKeyThenId(Row a, Row b)
    {
        var c = a.Key.CompareTo(b.Key);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }

    private static RecordTable<Row> TableOf(params int[] keys)
    {
        var table = new RecordTable<Row>(r => r.Id);
        for (var i = 0; i < keys.Length; i++)
        {
            table.Add(new Row(i + 1, keys[i]));
        }

        return table;
    }

    [Test]
    public void OrderedBy_Unchanged_ReturnsTheKeptOrder()
    {
        var table = TableOf(3, 1, 2);
        var first = table.OrderedBy("key", ByKeyThenId);
        Assert.That(first.Select(r => r.Id), Is.EqualTo(new[] { 2, 3, 1 }));
        Assert.That(table.OrderedBy("key", ByKeyThenId), Is.SameAs(first));
    }

    [Test]
    public void OrderedBy_RowEditedInPlace_SortsAgain()
    {
        var table = TableOf(3, 1, 2);
        var first = table.OrderedBy("key", ByKeyThenId);
        table.Find(2)!.Key = 9;
        var again = table.OrderedBy("key", ByKeyThenId);
        Assert.That(again, Is.Not.SameAs(first));
        Assert.That(again.Select(r => r.Id), Is.EqualTo(new[] { 3, 1, 2 }));
    }

    [Test]
    public void OrderedBy_RowAdded_IncludesIt()
    {
        var table = TableOf(3, 1, 2);
        _ = table.OrderedBy("key", ByKeyThenId);
        table.Add(new Row(4, 0));
        Assert.That(table.OrderedBy("key", ByKeyThenId).Select(r => r.Id), Is.EqualTo(new[] { 4, 2, 3, 1 }));
    }

    [Test]
    public void OrderedBy_TableCleared_ForgetsTheKeptOrder()
    {
        var table = TableOf(3, 1, 2);
        _ = table.OrderedBy("key", ByKeyThenId);
        table.Clear();
        table.Add(new Row(7, 5));
        Assert.That(table.OrderedBy("key", ByKeyThenId).Select(r => r.Id), Is.EqualTo(new[] { 7 }));
    }
}
