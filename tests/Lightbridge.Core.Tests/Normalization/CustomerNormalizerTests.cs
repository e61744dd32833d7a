using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Normalization;

public sealed class CustomerNormalizerTests
{
    private FakePhoneNumberNormalizer _phones = null!;

    [SetUp]
    public void SetUp() => _phones = new FakePhoneNumberNormalizer();

    private CustomerNormalizer Normalizer => new(_phones);

    [Test]
    public void Normalize_Customer_ScopesExternalIdByAccount()
    {
        var normalized = Normalizer.Normalize(Customer(id: "7"), AccountContext());

        Assert.That(normalized.ExternalId.Value, Is.EqualTo("120645-7"));
        Assert.That(normalized.Id, Is.EqualTo(Id("7")));
    }

    [Test]
    public void Normalize_EmailsInOtherCaseAndOrder_DeduplicatedPrimaryFirst()
    {
        var customer = Customer(emails:
        [
            new CustomerEmail("Work@Example.com", EmailUseType.Secondary),
            new CustomerEmail(" ADA@example.com ", EmailUseType.Primary),
            new CustomerEmail("ada@EXAMPLE.com", EmailUseType.Other),
        ]);

        var normalized = Normalizer.Normalize(customer, AccountContext());

        Assert.That(normalized.Emails.Select(e => e.Value), Is.EqualTo(new[] { "ada@example.com", "work@example.com" }));
        Assert.That(normalized.PrimaryEmail!.Value, Is.EqualTo("ada@example.com"));
        Assert.That(normalized.Warnings, Is.Empty);
    }

    [Test]
    public void Normalize_MalformedEmail_DroppedWithWarningNotFatal()
    {
        var customer = Customer(emails:
        [
            new CustomerEmail("ada(at)example", EmailUseType.Primary),
            new CustomerEmail("ada@example.com", EmailUseType.Secondary),
        ]);

        var normalized = Normalizer.Normalize(customer, AccountContext());

        Assert.That(normalized.PrimaryEmail!.Value, Is.EqualTo("ada@example.com"));
        var warning = normalized.Warnings.Single();
        Assert.That(warning.Severity, Is.EqualTo(FailureSeverity.Warning));
        Assert.That(warning.Rule, Is.EqualTo(CustomerNormalizer.EmailMalformedRule));
        Assert.That(warning.Entity, Is.EqualTo(SyncEntity.Customer));
        Assert.That(warning.LightspeedId, Is.EqualTo(Id("7")));
        Assert.That(warning.Message, Does.Contain("Customer 7").And.Not.Contain("ada"));
    }

    [Test]
    public void Normalize_Phones_UseSeamWithAccountRegion()
    {
        var customer = Customer(phones:
        [
            new CustomerPhone("01632 960123", PhoneUseType.Home),
            new CustomerPhone("07700 900456", PhoneUseType.Mobile),
            new CustomerPhone("+44 1632 960123", PhoneUseType.Work),
        ]);

        var normalized = Normalizer.Normalize(customer, AccountContext("GB"));

        Assert.That(normalized.Phones.Select(p => p.Number.Value), Is.EqualTo(new[] { "+441632960123", "+447700900456" }));
        Assert.That(normalized.Phone!.Value, Is.EqualTo("+441632960123"));
        Assert.That(normalized.MobilePhone!.Value, Is.EqualTo("+447700900456"));
        Assert.That(_phones.RegionsAsked, Is.All.EqualTo("GB"));
    }

    [Test]
    public void Normalize_AddressCountry_OverridesDefaultRegion()
    {
        var address = new PostalAddress(null, null, null, null, null, null, "United States", "us");
        var customer = Customer(phones: [new CustomerPhone("(555) 555-0100", PhoneUseType.Home)], address: address);

        var normalized = Normalizer.Normalize(customer, AccountContext("GB"));

        Assert.That(_phones.RegionsAsked, Is.EqualTo(new[] { "US" }));
        Assert.That(normalized.Phone!.Value, Is.EqualTo("+15555550100"));
    }

    [Test]
    public void Normalize_InvalidPhone_DroppedWithWarning()
    {
        var customer = Customer(phones: [new CustomerPhone("12", PhoneUseType.Home), new CustomerPhone("  ", PhoneUseType.Work)]);

        var normalized = Normalizer.Normalize(customer, AccountContext());

        Assert.That(normalized.Phones, Is.Empty);
        Assert.That(normalized.Warnings.Single().Rule, Is.EqualTo(CustomerNormalizer.PhoneInvalidRule));
        Assert.That(normalized.Warnings.Single().IsBlocking, Is.False);
    }

    [Test]
    public void Normalize_BlankNames_BecomeNullAndTrimmed()
    {
        var normalized = Normalizer.Normalize(Customer(first: "  ", last: " Lovelace ", company: ""), AccountContext());

        Assert.That(normalized.FirstName, Is.Null);
        Assert.That(normalized.LastName, Is.EqualTo("Lovelace"));
        Assert.That(normalized.Company, Is.Null);
        Assert.That(normalized.HasName, Is.True);
    }

    [Test]
    public void ChangedAt_ContactNewerThanCustomer_TakesContact()
    {
        var normalized = Normalizer.Normalize(Customer(updatedAt: T0, contactUpdatedAt: T0.AddMinutes(5)), AccountContext());

        Assert.That(normalized.ChangedAt, Is.EqualTo(T0.AddMinutes(5)));
    }

    [Test]
    public void ToString_Customer_ShowsNoPersonalData()
    {
        var customer = Customer(phones: [new CustomerPhone("01632 960123", PhoneUseType.Home)]);

        var text = Normalizer.Normalize(customer, AccountContext()).ToString();

        Assert.That(text, Does.Contain("120645-7").And.Not.Contain("Ada").And.Not.Contain("ada@").And.Not.Contain("960123").And.Not.Contain("Lovelace"));
    }
}
