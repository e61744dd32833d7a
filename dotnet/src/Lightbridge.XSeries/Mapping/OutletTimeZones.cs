using Lightbridge.Core.Model;

namespace Lightbridge.XSeries.Mapping;

/// <summary>The account's outlets' IANA time zones, for the local business date of each sale.</summary>
internal sealed class OutletTimeZones
{
    private readonly Dictionary<LightspeedId, string> _byOutlet = [];

    public OutletTimeZones(IEnumerable<Shop> outlets)
    {
        foreach (var outlet in outlets)
        {
            if (!string.IsNullOrWhiteSpace(outlet.TimeZone))
            {
                _byOutlet[outlet.Id] = outlet.TimeZone;
            }
        }
    }

    /// <summary>The zone of an outlet, or null when the outlet is unknown or names none.</summary>
    public string? TimeZoneOf(LightspeedId? outletId) =>
        outletId is { } id && _byOutlet.TryGetValue(id, out var zone) ? zone : null;
}
