namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// The real API stores a date such as <c>Customer.dob</c> as the UTC instant of local midnight in the shop's zone
/// (<c>1984-06-21T04:00:00+00:00</c> for Toronto; shared/reference/lightspeed-api.md section 9 item 10).
/// </summary>
internal static class LocalMidnight
{
    public static DateTimeOffset ToUtc(DateOnly date, string ianaZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ianaZone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
