using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using Lightbridge.State;
using Lightbridge.Sync.Normalization;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Sync.Tests.CustomerSync;

/// <summary>The identity index seen from matching: entries built like customers are normalized, over a real LiteDB file.</summary>
[TestFixture]
public sealed class IdentityIndexTests
{
    private string _folder = null!;
    private StateStore _state = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "lightbridge-identity-" + Guid.NewGuid().ToString("N"));
        _state = StateStore.Open(new StateOptions { Path = Path.Combine(_folder, "state.db") }, TimeProvider.System);
    }

    [TearDown]
    public void TearDown()
    {
        _state.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Create_NormalizesEmailAndBothPhones_SoLookupsFindThem()
    {
        var factory = new IdentityEntryFactory(new LibPhoneNumberNormalizer(), "US");
        var contact = SalesforceId.Parse("003000000000001");
        _state.Identities.Upsert([factory.Create(contact, IdentityObject.Contact, "  Ann.Lee@Example.COM ", "(416) 555-0199", "416.555.0142 ext. 3", null, false, null, DateTimeOffset.MinValue)]);
        var lookup = new IdentityIndexLookup(_state.Identities);

        Assert.Multiple(() =>
        {
            Assert.That(lookup.FindByEmail(EmailNormalizerResult("ann.lee@example.com")).Select(c => c.Id), Is.EqualTo(new[] { contact }));
            Assert.That(lookup.FindByPhone(PhoneNumber.FromE164("+14165550199")).Select(c => c.Id), Is.EqualTo(new[] { contact }));
            Assert.That(lookup.FindByPhone(PhoneNumber.FromE164("+14165550142")).Select(c => c.Id), Is.EqualTo(new[] { contact }), "MobilePhone counts too");
            Assert.That(lookup.FindByPhone(PhoneNumber.FromE164("+14165550100")), Is.Empty);
        });
    }

    [Test]
    public void Create_MalformedValues_AreLeftOutOfTheEntry()
    {
        var factory = new IdentityEntryFactory(new LibPhoneNumberNormalizer(), "US");

        var entry = factory.Create(SalesforceId.Parse("003000000000002"), IdentityObject.Contact, "not-an-email", "12", null, " ", false, null, DateTimeOffset.MinValue);

        Assert.That((entry.Email, entry.Phone, entry.MobilePhone, entry.ExternalId), Is.EqualTo(((string?)null, (string?)null, (string?)null, (string?)null)));
    }

    [Test]
    public void Lookup_ConvertedLead_CarriesItsContact()
    {
        var factory = new IdentityEntryFactory(new LibPhoneNumberNormalizer(), "US");
        var lead = SalesforceId.Parse("00Q000000000001");
        var contact = SalesforceId.Parse("003000000000003");
        _state.Identities.Upsert([factory.Create(lead, IdentityObject.Lead, "x@example.com", null, null, "1-7", true, contact.To15(), DateTimeOffset.MinValue)]);

        var candidate = new IdentityIndexLookup(_state.Identities).FindByExternalId(ExternalId.Parse("1-7")).Single();

        Assert.That(candidate, Is.EqualTo(new IdentityCandidate(lead, CustomerObjectType.Lead, true, contact)));
    }

    [TestCase("2024-05-01T10:15:30.000+0000", "2024-05-01T10:15:30Z")]
    [TestCase("2024-05-01T12:15:30.000+0200", "2024-05-01T10:15:30Z")]
    [TestCase("2024-05-01T10:15:30Z", "2024-05-01T10:15:30Z")]
    public void Instant_ReadsSalesforceDateTimes(string text, string expected)
    {
        Assert.That(IdentityEntryFactory.Instant(text), Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Instant_Garbage_Throws() =>
        Assert.That(() => IdentityEntryFactory.Instant("yesterday"), Throws.TypeOf<FormatException>());

    [Test]
    public void QueryFor_FirstBuildReadsEverything_ThenFromTheMarkMinusTheOverlap()
    {
        var mark = new DateTimeOffset(2024, 5, 1, 10, 15, 30, TimeSpan.Zero);

        Assert.Multiple(() =>
        {
            Assert.That(IdentityIndexRefresher.QueryFor(IdentityObject.Lead, "Id", null), Is.EqualTo("SELECT Id FROM Lead ORDER BY SystemModstamp"));
            Assert.That(IdentityIndexRefresher.QueryFor(IdentityObject.Contact, "Id", mark), Is.EqualTo("SELECT Id FROM Contact WHERE SystemModstamp >= 2024-05-01T10:13:30Z ORDER BY SystemModstamp"));
            Assert.That(IdentityIndexRefresher.QueryFor(IdentityObject.Contact, "Id", DateTimeOffset.MinValue), Is.EqualTo("SELECT Id FROM Contact ORDER BY SystemModstamp"));
        });
    }

    private static EmailAddress EmailNormalizerResult(string text) => Core.Normalization.EmailNormalizer.Normalize(text).Email!;
}
