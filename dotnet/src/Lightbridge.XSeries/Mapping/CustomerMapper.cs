using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.XSeries.Wire;

namespace Lightbridge.XSeries.Mapping;

/// <summary>
/// Maps an X-Series customer. Its contact data sits on the record itself: one <c>email</c>, and <c>phone</c>,
/// <c>mobile</c> and <c>fax</c> as separate fields, so each number's use is known from its field.
/// </summary>
internal static class CustomerMapper
{
    public static Customer Map(JsonElement element)
    {
        var wire = new WireRecord(element, "customer");
        var emails = wire.Text("email") is { } email ? new[] { new CustomerEmail(email, EmailUseType.Primary) } : [];
        var phones = new List<CustomerPhone>();
        AddPhone(phones, wire.Text("phone"), PhoneUseType.Home);
        AddPhone(phones, wire.Text("mobile"), PhoneUseType.Mobile);
        AddPhone(phones, wire.Text("fax"), PhoneUseType.Fax);

        return new Customer(
            wire.Id(),
            wire.Text("first_name"),
            wire.Text("last_name"),
            wire.Text("company_name"),
            wire.Date("date_of_birth"),
            emails,
            phones,
            Address(wire),
            Archived: wire.IsDeleted,
            wire.Instant("created_at"),
            wire.Instant("updated_at"),
            ContactUpdatedAt: null)
        {
            ChangeVersion = wire.Version(),
        };
    }

    private static void AddPhone(List<CustomerPhone> phones, string? number, PhoneUseType use)
    {
        if (number is not null)
        {
            phones.Add(new CustomerPhone(number, use));
        }
    }

    /// <summary>
    /// The physical address. The suburb (an Australian and New Zealand address line) fills the second line when that is
    /// empty; <c>physical_country_id</c> is an ISO country code. Both spellings of the street fields are read.
    /// </summary>
    private static PostalAddress? Address(WireRecord wire)
    {
        var line1 = wire.Text("physical_address_1") ?? wire.Text("physical_address1");
        var line2 = wire.Text("physical_address_2") ?? wire.Text("physical_address2") ?? wire.Text("physical_suburb");
        var address = new PostalAddress(
            line1,
            line2,
            wire.Text("physical_city"),
            wire.Text("physical_state"),
            StateCode: null,
            wire.Text("physical_postcode"),
            Country: null,
            CountryCode: wire.Text("physical_country_id"));
        return address is { Line1: null, Line2: null, City: null, State: null, PostalCode: null, CountryCode: null } ? null : address;
    }
}
