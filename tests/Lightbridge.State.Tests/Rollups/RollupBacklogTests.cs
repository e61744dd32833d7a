namespace Lightbridge.State.Tests.Rollups;

public sealed class RollupBacklogTests
{
    private TempStateFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempStateFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void AddMany_SameEntryTwice_OwedOnceAndKeptAcrossReopen()
    {
        using (var store = _folder.Open())
        {
            store.RollupBacklog.AddMany([Debt("003A"), Debt("003B")]);
            store.RollupBacklog.AddMany([Debt("003B"), new RollupDebt("Lightspeed_Sale__c", "Store__c", "a01A")]);
        }

        using var reopened = _folder.Open();
        Assert.That(reopened.RollupBacklog.Count, Is.EqualTo(3));
        Assert.That(reopened.RollupBacklog.Take(10), Is.EquivalentTo(new[] { Debt("003A"), Debt("003B"), new RollupDebt("Lightspeed_Sale__c", "Store__c", "a01A") }));
    }

    [Test]
    public void TakeSkipAndRemoveMany_PagesInKeyOrderAndForgetsWhatWasPaid()
    {
        using var store = _folder.Open();
        store.RollupBacklog.AddMany(Enumerable.Range(0, 5).Select(i => Debt($"003{i}")));

        var first = store.RollupBacklog.Take(2);
        var after = store.RollupBacklog.Take(2, skip: 2);
        store.RollupBacklog.RemoveMany([first[1], after[0]]);

        Assert.Multiple(() =>
        {
            Assert.That(first.Select(d => d.ParentId), Is.EqualTo(new[] { "0030", "0031" }));
            Assert.That(after.Select(d => d.ParentId), Is.EqualTo(new[] { "0032", "0033" }));
            Assert.That(store.RollupBacklog.Take(10).Select(d => d.ParentId), Is.EqualTo(new[] { "0030", "0033", "0034" }));
        });
    }

    private static RollupDebt Debt(string parent) => new("Lightspeed_Sale__c", "Contact__c", parent);
}
