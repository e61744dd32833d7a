using Lightbridge.Core.Model;

namespace Lightbridge.Lightspeed.Mapping;

/// <summary>
/// The account's shop time zones, for the values Lightspeed stores as local wall-clock moments in UTC.
/// <c>Customer.dob</c> is the UTC instant of local midnight (<c>1984-06-21T04:00:00+00:00</c> for a Toronto
/// shop), so the date must be taken after converting to the shop's zone (shared/reference/lightspeed-api.md §9.10).
/// </summary>
internal sealed class ShopTimeZones
{
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);

    private readonly Dictionary<LightspeedId, string> _byShop = [];
    private readonly List<TimeZoneInfo> _zones = [];

    /// <param name="shops">The account's shops; the first live shop's zone is the primary one.</param>
    public ShopTimeZones(IEnumerable<Shop> shops)
    {
        ArgumentNullException.ThrowIfNull(shops);
        var ordered = shops.OrderBy(s => s.Archived).ToList();
        foreach (var shop in ordered)
        {
            _byShop[shop.Id] = shop.TimeZone;
            if (Resolve(shop.TimeZone) is { } zone && !_zones.Contains(zone))
            {
                _zones.Add(zone);
            }
        }
    }

    /// <summary>No shops: dates are taken in UTC.</summary>
    public static ShopTimeZones None { get; } = new([]);

    /// <summary>The IANA id of a shop's zone, or null when the shop is unknown.</summary>
    public string? TimeZoneOf(LightspeedId? shopId) =>
        shopId is { } id && _byShop.TryGetValue(id, out var zone) && !string.IsNullOrWhiteSpace(zone) ? zone : null;

    /// <summary>
    /// The calendar date a "local midnight stored as UTC" instant stands for. A customer belongs to no shop,
    /// so the first zone in which the instant is exactly midnight wins (the primary shop's first); failing
    /// that, the nearest midnight in the primary zone (or UTC), which absorbs a zone change since the date was typed.
    /// </summary>
    public DateOnly LocalDate(DateTimeOffset instant)
    {
        foreach (var zone in _zones)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            if (local.TimeOfDay == TimeSpan.Zero)
            {
                return DateOnly.FromDateTime(local.DateTime);
            }
        }

        var fallback = _zones.Count > 0 ? TimeZoneInfo.ConvertTime(instant, _zones[0]) : instant.ToUniversalTime();
        var date = DateOnly.FromDateTime(fallback.DateTime);
        return fallback.TimeOfDay >= HalfDay ? date.AddDays(1) : date;
    }

    /// <summary>
    /// Finds a zone by IANA id, legacy links such as <c>US/Eastern</c> included (ICU resolves them, also on
    /// Windows); an unknown id gives null rather than failing the sync.
    /// </summary>
    internal static TimeZoneInfo? Resolve(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
