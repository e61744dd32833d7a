using System.Diagnostics;
using System.Globalization;

namespace Lightbridge.State.Tests.Identity;

public sealed class IdentityIndexTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
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

    private static string ContactId(int n) => "003" + n.ToString("D15", CultureInfo.InvariantCulture);

    private static string LeadId(int n) => "00Q" + n.ToString("D15", CultureInfo.InvariantCulture);

    private static IdentityEntry Contact(int n, string? email = null, string? phone = null, string? ext = null, DateTimeOffset? stamp = null) =>
        new(ContactId(n), IdentityObject.Contact, email, phone, ext, false, null, stamp ?? Stamp);

    private static IdentityEntry Lead(int n, string? email = null, string? phone = null, bool converted = false, string? contactId = null, DateTimeOffset? stamp = null) =>
        new(LeadId(n), IdentityObject.Lead, email, phone, null, converted, contactId, stamp ?? Stamp);

    [Test]
    public void FindByEmail_ContactAndLeadShareEmail_ReturnsBothContactFirst()
    {
        _store.Identities.Upsert([Lead(1, email: "ann@example.com"), Contact(2, email: "ann@example.com"), Contact(3, email: "bob@example.com")]);

        var found = _store.Identities.FindByEmail("ann@example.com");

        Assert.That(found.Select(e => e.SalesforceId), Is.EqualTo(new[] { ContactId(2), LeadId(1) }));
    }

    [Test]
    public void FindByEmail_OtherCaseAndSpaces_Matches()
    {
        _store.Identities.Upsert([Contact(1, email: "Ann@Example.com")]);

        Assert.That(_store.Identities.FindByEmail("  ANN@example.COM ").Single().Email, Is.EqualTo("ann@example.com"));
    }

    [Test]
    public void FindByPhone_TwoContacts_ReturnsAllCandidates()
    {
        _store.Identities.Upsert([Contact(1, phone: "+15551230001"), Contact(2, phone: "+15551230001"), Contact(3, phone: "+15551230002")]);

        Assert.That(_store.Identities.FindByPhone("+15551230001"), Has.Count.EqualTo(2));
        Assert.That(_store.Identities.FindByPhone("+15551239999"), Is.Empty);
    }

    [Test]
    public void FindByExternalId_Stamped_ReturnsEntry()
    {
        _store.Identities.Upsert([Contact(1, ext: "123-42"), Contact(2, ext: "456-42")]);

        Assert.That(_store.Identities.FindByExternalId("123-42").Single().SalesforceId, Is.EqualTo(ContactId(1)));
    }

    [Test]
    public void Upsert_ConvertedLead_KeepsConversion()
    {
        _store.Identities.Upsert([Lead(1, email: "c@example.com", converted: true, contactId: ContactId(9))]);

        var lead = _store.Identities.Get(LeadId(1))!;
        Assert.That(lead.IsConverted, Is.True);
        Assert.That(lead.ConvertedContactId, Is.EqualTo(ContactId(9)));
        Assert.That(lead.ObjectType, Is.EqualTo(IdentityObject.Lead));
    }

    [Test]
    public void Upsert_ChangedEmail_OldEmailNoLongerFinds()
    {
        _store.Identities.Upsert([Contact(1, email: "old@example.com")]);

        _store.Identities.Upsert([Contact(1, email: "new@example.com", stamp: Stamp.AddMinutes(1))]);

        Assert.That(_store.Identities.FindByEmail("old@example.com"), Is.Empty);
        Assert.That(_store.Identities.FindByEmail("new@example.com"), Has.Count.EqualTo(1));
        Assert.That(_store.Identities.Count(), Is.EqualTo(1));
    }

    [Test]
    public void Upsert_SameIdTwiceIntoEmptyIndex_LastOneWins()
    {
        var entries = Enumerable.Range(0, 10).Select(n => Contact(n, email: $"first{n}@example.com"))
            .Append(Contact(3, email: "second@example.com"))
            .Append(Contact(10, email: "ten@example.com"));

        var written = _store.Identities.Upsert(entries);

        Assert.That(written, Is.EqualTo(12));
        Assert.That(_store.Identities.Count(), Is.EqualTo(11));
        Assert.That(_store.Identities.Get(ContactId(3))!.Email, Is.EqualTo("second@example.com"));
        Assert.That(_store.Identities.FindByEmail("first3@example.com"), Is.Empty);
    }

    [Test]
    public void Upsert_ShortSalesforceId_ThrowsAndWritesNothing()
    {
        IdentityEntry[] entries = [Contact(1, email: "a@example.com"), new("003000000000001", IdentityObject.Contact, "b@example.com", null, null, false, null, Stamp)];

        Assert.Throws<ArgumentException>(() => _store.Identities.Upsert(entries));

        Assert.That(_store.Identities.Count(), Is.Zero, "the batch must not be written");
        Assert.That(_store.Identities.HighWaterModstamp(IdentityObject.Contact), Is.Null);
    }

    [Test]
    public void Upsert_FailureInLaterBatch_HighWaterStaysSoRefreshRepeats()
    {
        _store.Identities.Upsert([Contact(0, stamp: Stamp)]);
        var entries = Enumerable.Range(1, IdentityIndex.BatchSize)
            .Select(n => Contact(n, stamp: Stamp.AddSeconds(n)))
            .Append(new IdentityEntry("bad", IdentityObject.Contact, null, null, null, false, null, Stamp.AddDays(1)));

        Assert.Throws<ArgumentException>(() => _store.Identities.Upsert(entries));

        Assert.That(_store.Identities.Count(), Is.EqualTo(IdentityIndex.BatchSize + 1), "whole batches before the failure are kept");
        Assert.That(_store.Identities.HighWaterModstamp(IdentityObject.Contact), Is.EqualTo(Stamp), "the high-water mark moves only after every batch");
    }

    [Test]
    public void HighWaterModstamp_PerObject_NeverGoesBack()
    {
        Assert.That(_store.Identities.HighWaterModstamp(IdentityObject.Contact), Is.Null);

        _store.Identities.Upsert([Contact(1, stamp: Stamp.AddHours(2)), Contact(2, stamp: Stamp), Lead(1, stamp: Stamp.AddHours(1))]);
        _store.Identities.Upsert([Contact(3, stamp: Stamp.AddHours(-5))]);

        Assert.That(_store.Identities.HighWaterModstamp(IdentityObject.Contact), Is.EqualTo(Stamp.AddHours(2)));
        Assert.That(_store.Identities.HighWaterModstamp(IdentityObject.Lead), Is.EqualTo(Stamp.AddHours(1)));
    }

    [Test]
    public void Remove_Existing_DropsFromLookups()
    {
        _store.Identities.Upsert([Contact(1, email: "a@example.com"), Contact(2, email: "a@example.com")]);

        Assert.That(_store.Identities.Remove(ContactId(1)), Is.True);

        Assert.That(_store.Identities.FindByEmail("a@example.com").Single().SalesforceId, Is.EqualTo(ContactId(2)));
        Assert.That(_store.Identities.Remove(ContactId(1)), Is.False);
    }

    [Test]
    public void Clear_Filled_EmptiesIndexAndHighWater()
    {
        _store.Identities.Upsert([Contact(1, email: "a@example.com")]);

        _store.Identities.Clear();

        Assert.That(_store.Identities.Count(), Is.Zero);
        Assert.That(_store.Identities.HighWaterModstamp(IdentityObject.Contact), Is.Null);
    }

    [Test]
    public void Upsert_TwoHundredThousandEntries_AllFoundByEveryKey()
    {
        const int total = 200_000;

        // Every 1,000th email is shared by two contacts, as a duplicate in a real org would be.
        static IdentityEntry Make(int n) => new(
            ContactId(n),
            n % 2 == 0 ? IdentityObject.Contact : IdentityObject.Lead,
            n % 1000 == 1 ? $"shopper{n - 1}@example.com" : $"shopper{n}@example.com",
            "+1555" + n.ToString("D7", CultureInfo.InvariantCulture),
            "123-" + n.ToString(CultureInfo.InvariantCulture),
            false,
            null,
            Stamp.AddSeconds(n));

        var watch = Stopwatch.StartNew();
        var written = _store.Identities.Upsert(Enumerable.Range(0, total).Select(Make));
        var insertTime = watch.Elapsed;

        Assert.That(written, Is.EqualTo(total));
        Assert.That(_store.Identities.Count(), Is.EqualTo(total));
        Assert.That(_store.Identities.HighWaterModstamp(IdentityObject.Lead), Is.EqualTo(Stamp.AddSeconds(total - 1)));

        // A seeded sample: cold lookups read pages from the file, and the full million belongs to the benchmark.
        watch.Restart();
        var random = new Random(20260314);
        for (var i = 0; i < 300; i++)
        {
            var n = random.Next(total);
            Assert.That(_store.Identities.FindByExternalId("123-" + n.ToString(CultureInfo.InvariantCulture)).Single().SalesforceId, Is.EqualTo(ContactId(n)));
            Assert.That(_store.Identities.FindByPhone("+1555" + n.ToString("D7", CultureInfo.InvariantCulture)).Single().SalesforceId, Is.EqualTo(ContactId(n)));
            var email = n % 1000 == 1 ? $"shopper{n - 1}@example.com" : $"shopper{n}@example.com";
            var expected = n % 1000 is 0 or 1 ? 2 : 1;
            Assert.That(_store.Identities.FindByEmail(email), Has.Count.EqualTo(expected));
        }

        TestContext.Out.WriteLine($"insert {total}: {insertTime.TotalMilliseconds:F0} ms; 900 cold lookups: {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
