namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>A template for a generated shop: zone, taxes and the address and phone styles of its customers.</summary>
internal sealed record ShopProfile(
    string Name,
    string TimeZone,
    decimal Tax1Rate,
    decimal Tax2Rate,
    string City,
    string State,
    string StateCode,
    string Country,
    string CountryCode,
    string[] AreaCodes);
