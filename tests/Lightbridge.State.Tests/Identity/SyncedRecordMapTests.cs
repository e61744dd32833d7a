namespace Lightbridge.State.Tests.Identity;

public sealed class SyncedRecordMapTests
{
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
    public void SetMany_ThenGet_ReturnsIdsPerObject()
    {
        _store.SyncedRecords.SetMany("Product2", [KeyValuePair.Create("123-1", "01t000000000001AAA"), KeyValuePair.Create("123-2", "01t000000000002AAA")]);
        _store.SyncedRecords.Set("Lightspeed_Store__c", "123-1", "a01000000000001AAA");

        Assert.That(_store.SyncedRecords.Get("Product2", "123-2"), Is.EqualTo("01t000000000002AAA"));
        Assert.That(_store.SyncedRecords.Get("Lightspeed_Store__c", "123-1"), Is.EqualTo("a01000000000001AAA"));
        Assert.That(_store.SyncedRecords.Get("Lightspeed_Sale__c", "123-1"), Is.Null);
    }

    [Test]
    public void Set_Again_ReplacesAndRemoveForgets()
    {
        _store.SyncedRecords.Set("Product2", "123-1", "01t000000000001AAA");
        _store.SyncedRecords.Set("Product2", "123-1", "01t000000000009AAA");

        Assert.That(_store.SyncedRecords.Get("Product2", "123-1"), Is.EqualTo("01t000000000009AAA"));
        Assert.That(_store.SyncedRecords.Remove("Product2", "123-1"), Is.True);
        Assert.That(_store.SyncedRecords.Get("Product2", "123-1"), Is.Null);
    }
}
