using Lightbridge.Core.Model;

namespace Lightbridge.Core.Tests.Model;

public sealed class PersonalDataToStringTests
{
    private static readonly LightspeedId Id = new("7");

    [Test]
    public void Customer_ToString_ShowsNoPersonalData()
    {
        var customer = new Customer(
            Id, "Ada", "Lovelace", "Analytical Engines Ltd", new DateOnly(1815, 12, 10),
            [new CustomerEmail("ada@example.com", EmailUseType.Primary)],
            [new CustomerPhone("+44 20 7946 0000", PhoneUseType.Mobile)],
            new PostalAddress("12 St James's Sq", null, "London", null, null, "SW1Y 4JH", "United Kingdom", "GB"),
            false, null, null, null);

        var text = customer + " " + customer.Emails[0] + " " + customer.Phones[0] + " " + customer.Address;

        Assert.That(text, Does.Contain("7"));
        Assert.That(text, Does.Not.Contain("Ada").And.Not.Contain("Lovelace").And.Not.Contain("ada@example.com")
            .And.Not.Contain("7946").And.Not.Contain("James").And.Not.Contain("1815"));
    }
}
