using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Mapping;
using Lightbridge.Lightspeed.Wire.Dtos;
using static Lightbridge.Lightspeed.Tests.Mapping.MappingFixtures;

namespace Lightbridge.Lightspeed.Tests.Mapping;

public sealed class CustomerMapperTests
{
    [Test]
    public void Map_DobAsUtcOfTorontoMidnight_IsTheLocalDate()
    {
        var customer = Map("""{"customerID":"1","dob":"1984-06-21T04:00:00+00:00"}""");

        Assert.That(customer.DateOfBirth, Is.EqualTo(new DateOnly(1984, 6, 21)));
    }

    [Test]
    public void Map_DobAsUtcOfParisMidnight_IsTheLocalDateNotTheUtcDate()
    {
        // Paris midnight on 21 June 1984 is 22:00 UTC on the 20th.
        var customer = Map("""{"customerID":"1","dob":"1984-06-20T22:00:00+00:00"}""");

        Assert.That(customer.DateOfBirth, Is.EqualTo(new DateOnly(1984, 6, 21)));
    }

    [Test]
    public void Map_Contact_MapsEmailsPhonesAndAddress()
    {
        var customer = Map("""
            {"customerID":"2","firstName":"Jo","lastName":"Smith","company":"","archived":"false",
             "createTime":"2020-01-01T10:00:00+00:00","timeStamp":"2024-01-01T10:00:00+00:00",
             "Contact":{"timeStamp":"2024-02-01T10:00:00+00:00",
               "Emails":{"ContactEmail":[{"address":" Jo@Example.com ","useType":"Primary"},{"address":"jo.work@example.com","useType":"Secondary"}]},
               "Phones":{"ContactPhone":{"number":"(416) 555-0199","useType":"Mobile"}},
               "Addresses":{"ContactAddress":{"address1":"1 Queen St W","address2":"","city":"Toronto","state":"Ontario","stateCode":"ON","zip":"M5H 2N2","country":"Canada","countryCode":"CA"}},
               "Websites":""}}
            """);

        Assert.That(customer.FirstName, Is.EqualTo("Jo"));
        Assert.That(customer.Company, Is.Null);
        Assert.That(customer.Emails.Select(e => (e.Address, e.UseType)),
            Is.EqualTo(new[] { (" Jo@Example.com ", EmailUseType.Primary), ("jo.work@example.com", EmailUseType.Secondary) }));
        Assert.That(customer.Phones.Single(), Is.EqualTo(new CustomerPhone("(416) 555-0199", PhoneUseType.Mobile)));
        Assert.That(customer.Address!.City, Is.EqualTo("Toronto"));
        Assert.That(customer.Address.Line2, Is.Null);
        Assert.That(customer.ContactUpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Map_EmptyContactParts_GiveEmptyListsAndNoAddress()
    {
        var customer = Map("""
            {"customerID":"3","dob":"","archived":"true","Contact":{"Phones":"","Emails":"","Websites":"",
             "Addresses":{"ContactAddress":{"address1":"","address2":"","city":"","state":"","zip":"","country":"","countryCode":""}}}}
            """);

        Assert.That(customer.Emails, Is.Empty);
        Assert.That(customer.Phones, Is.Empty);
        Assert.That(customer.Address, Is.Null);
        Assert.That(customer.DateOfBirth, Is.Null);
        Assert.That(customer.Archived, Is.True);
    }

    [Test]
    public void Map_NoContactLoaded_GivesEmptyLists()
    {
        var customer = Map("""{"customerID":"4"}""");

        Assert.That(customer.Emails, Is.Empty);
        Assert.That(customer.ContactUpdatedAt, Is.Null);
    }

    private static Customer Map(string json) => CustomerMapper.Map(Read<CustomerDto>(json), TorontoAndParis);
}
