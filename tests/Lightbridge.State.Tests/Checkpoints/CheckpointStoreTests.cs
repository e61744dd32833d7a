using Lightbridge.Core.Model;

namespace Lightbridge.State.Tests.Checkpoints;

public sealed class CheckpointStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 8, 0, 5, TimeSpan.Zero);
    private TempStateFolder _folder = null!;
    private StateStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempStateFolder();
        _store = _folder.Open();
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Test]
    public void Get_NeverSet_ReturnsNull() =>
        Assert.That(_store.Checkpoints.Get("123", "Sale"), Is.Null);

    [Test]
    public void Set_ThenGet_RoundTripsWatermarkExactlyAndIds()
    {
        var watermark = new DateTimeOffset(2026, 3, 14, 10, 0, 5, TimeSpan.FromHours(2)).AddTicks(1234567);

        _store.Checkpoints.Set("123", "Sale", watermark, [new LightspeedId("7"), new LightspeedId("8")]);

        var checkpoint = _store.Checkpoints.Get("123", "Sale")!;
        Assert.That(checkpoint.Watermark, Is.EqualTo(watermark));
        Assert.That(checkpoint.Watermark.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(checkpoint.IdsAtWatermark, Is.EquivalentTo(new[] { new LightspeedId("7"), new LightspeedId("8") }));
        Assert.That(checkpoint.UpdatedAt, Is.EqualTo(_folder.Time.GetUtcNow()));
    }

    [Test]
    public void Advance_WithVersion_RoundTripsAndMovesOnItsOwnWhenTheWatermarkStays()
    {
        _store.Checkpoints.Advance("acme", "Sale", T0, [new LightspeedId("a")], version: 40);
        Assert.That(_store.Checkpoints.Get("acme", "Sale")!.Version, Is.EqualTo(40));

        // Changes within the watermark's second: the time does not move, the version cursor does.
        _store.Checkpoints.Advance("acme", "Sale", T0.AddSeconds(-1), [], version: 55);
        var checkpoint = _store.Checkpoints.Get("acme", "Sale")!;
        Assert.That(checkpoint.Version, Is.EqualTo(55));
        Assert.That(checkpoint.Watermark, Is.EqualTo(T0));

        // Never back, and an advance without a version keeps the stored one.
        _store.Checkpoints.Advance("acme", "Sale", T0.AddSeconds(1), [], version: 50);
        Assert.That(_store.Checkpoints.Get("acme", "Sale")!.Version, Is.EqualTo(55));
        _store.Checkpoints.Advance("acme", "Sale", T0.AddSeconds(2), []);
        Assert.That(_store.Checkpoints.Get("acme", "Sale")!.Version, Is.EqualTo(55));
    }

    [Test]
    public void Set_WithoutVersion_ReadsBackNull()
    {
        _store.Checkpoints.Set("123", "Sale", T0, []);
        Assert.That(_store.Checkpoints.Get("123", "Sale")!.Version, Is.Null);
    }

    [Test]
    public void Set_OtherAccountOrEntity_KeepsCheckpointsApart()
    {
        _store.Checkpoints.Set("123", "Sale", T0, [new LightspeedId("1")]);
        _store.Checkpoints.Set("456", "Sale", T0.AddHours(1), [new LightspeedId("2")]);
        _store.Checkpoints.Set("123", "Item", T0.AddHours(2), []);

        Assert.That(_store.Checkpoints.Get("123", "Sale")!.Watermark, Is.EqualTo(T0));
        Assert.That(_store.Checkpoints.Get("456", "Sale")!.Watermark, Is.EqualTo(T0.AddHours(1)));
        Assert.That(_store.Checkpoints.Get("123", "Item")!.IdsAtWatermark, Is.Empty);
    }

    [Test]
    public void Advance_SameWatermark_AddsIdsToTieSet()
    {
        _store.Checkpoints.Advance("123", "Sale", T0, [new LightspeedId("1")]);

        var result = _store.Checkpoints.Advance("123", "Sale", T0, [new LightspeedId("2")]);

        Assert.That(result.IdsAtWatermark, Is.EquivalentTo(new[] { new LightspeedId("1"), new LightspeedId("2") }));
        Assert.That(_store.Checkpoints.Get("123", "Sale")!.IdsAtWatermark, Has.Count.EqualTo(2));
    }

    [Test]
    public void Advance_NewerWatermark_ReplacesTieSet()
    {
        _store.Checkpoints.Advance("123", "Sale", T0, [new LightspeedId("1")]);

        _store.Checkpoints.Advance("123", "Sale", T0.AddSeconds(1), [new LightspeedId("3")]);

        var checkpoint = _store.Checkpoints.Get("123", "Sale")!;
        Assert.That(checkpoint.Watermark, Is.EqualTo(T0.AddSeconds(1)));
        Assert.That(checkpoint.IdsAtWatermark, Is.EquivalentTo(new[] { new LightspeedId("3") }));
    }

    [Test]
    public void Advance_OlderWatermark_LeavesCheckpointUnchanged()
    {
        _store.Checkpoints.Advance("123", "Sale", T0, [new LightspeedId("1")]);

        var result = _store.Checkpoints.Advance("123", "Sale", T0.AddSeconds(-1), [new LightspeedId("9")]);

        Assert.That(result.Watermark, Is.EqualTo(T0));
        Assert.That(_store.Checkpoints.Get("123", "Sale")!.IdsAtWatermark, Is.EquivalentTo(new[] { new LightspeedId("1") }));
    }

    [Test]
    public void Set_OlderWatermark_RewindsDeliberately()
    {
        _store.Checkpoints.Set("123", "Sale", T0, []);

        _store.Checkpoints.Set("123", "Sale", T0.AddDays(-30), []);

        Assert.That(_store.Checkpoints.Get("123", "Sale")!.Watermark, Is.EqualTo(T0.AddDays(-30)));
    }

    [Test]
    public void Delete_Existing_RemovesIt()
    {
        _store.Checkpoints.Set("123", "Sale", T0, []);

        Assert.That(_store.Checkpoints.Delete("123", "Sale"), Is.True);
        Assert.That(_store.Checkpoints.Get("123", "Sale"), Is.Null);
        Assert.That(_store.Checkpoints.Delete("123", "Sale"), Is.False);
    }

    [Test]
    public void List_Several_OrderedByAccountThenEntity()
    {
        _store.Checkpoints.Set("456", "Item", T0, []);
        _store.Checkpoints.Set("123", "Sale", T0, []);
        _store.Checkpoints.Set("123", "Customer", T0, []);

        var keys = _store.Checkpoints.List().Select(c => $"{c.AccountId}/{c.Entity}");

        Assert.That(keys, Is.EqualTo(new[] { "123/Customer", "123/Sale", "456/Item" }));
    }

    [Test]
    public void Advance_ThenReopen_CheckpointSurvives()
    {
        _store.Checkpoints.Advance("123", "Sale", T0, [new LightspeedId("5")]);
        _store.Dispose();

        _store = _folder.Open();

        var checkpoint = _store.Checkpoints.Get("123", "Sale")!;
        Assert.That(checkpoint.Watermark, Is.EqualTo(T0));
        Assert.That(checkpoint.IdsAtWatermark, Is.EquivalentTo(new[] { new LightspeedId("5") }));
    }

    [Test]
    public void Advance_SameWatermarkFromManyThreads_KeepsEveryId()
    {
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
            _store.Checkpoints.Advance("123", "Sale", T0, [new LightspeedId((n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        Assert.That(_store.Checkpoints.Get("123", "Sale")!.IdsAtWatermark, Has.Count.EqualTo(40));
    }
}
