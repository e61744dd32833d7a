using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Wire.Dtos;
using static Lightbridge.Lightspeed.Mapping.WireValues;

namespace Lightbridge.Lightspeed.Mapping;

/// <summary>Maps a customer and its <c>Contact</c> relation.</summary>
internal static class CustomerMapper
{
    private static readonly Dictionary<string, EmailUseType> EmailUses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Primary"] = EmailUseType.Primary,
        ["Secondary"] = EmailUseType.Secondary,
    };

    private static readonly Dictionary<string, PhoneUseType> PhoneUses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Home"] = PhoneUseType.Home,
        ["Work"] = PhoneUseType.Work,
        ["Mobile"] = PhoneUseType.Mobile,
        ["Pager"] = PhoneUseType.Pager,
        ["Fax"] = PhoneUseType.Fax,
    };

    public static Customer Map(CustomerDto dto, ShopTimeZones zones)
    {
        var contact = dto.Contact;
        var emails = (contact?.Emails?.ContactEmail ?? [])
            .Where(e => Text(e.Address) is not null)
            .Select(e => new CustomerEmail(e.Address!, Word(e.UseType, EmailUses, EmailUseType.Other)))
            .ToList();
        var phones = (contact?.Phones?.ContactPhone ?? [])
            .Where(p => Text(p.Number) is not null)
            .Select(p => new CustomerPhone(p.Number!, Word(p.UseType, PhoneUses, PhoneUseType.Other)))
            .ToList();

        return new Customer(
            Required(dto.CustomerId, "Customer", "customerID"),
            Text(dto.FirstName),
            Text(dto.LastName),
            Text(dto.Company),
            dto.Dob is { } dob ? zones.LocalDate(dob) : null,
            emails,
            phones,
            Address(contact),
            dto.Archived,
            dto.CreateTime,
            dto.TimeStamp,
            contact?.TimeStamp);
    }

    // An address whose parts are all "" is how Lightspeed says "no address" (§3, Customer).
    private static PostalAddress? Address(ContactDto? contact) =>
        (contact?.Addresses?.ContactAddress ?? [])
            .Select(a => new PostalAddress(
                Text(a.Address1), Text(a.Address2), Text(a.City), Text(a.State), Text(a.StateCode), Text(a.Zip), Text(a.Country), Text(a.CountryCode)))
            .FirstOrDefault(a => a is not { Line1: null, Line2: null, City: null, State: null, StateCode: null, PostalCode: null, Country: null, CountryCode: null });
}
