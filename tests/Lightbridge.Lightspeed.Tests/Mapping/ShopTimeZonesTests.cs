using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Mapping;

namespace Lightbridge.Lightspeed.Tests.Mapping;

public sealed class ShopTimeZonesTests
{
    [Test]
    public void LocalDate_LegacyZoneName_IsResolved()
    {
        var zones = new ShopTimeZones([new Shop(new LightspeedId("1"), "Main", "US/Eastern", false, null)]);

        Assert.That(zones.LocalDate(new DateTimeOffset(2019, 4, 29, 4, 0, 0, TimeSpan.Zero)), Is.EqualTo(new DateOnly(2019, 4, 29)));
    }

    [Test]
    public void LocalDate_NoShops_UsesNearestUtcMidnight()
    {
        Assert.That(ShopTimeZones.None.LocalDate(new DateTimeOffset(1990, 1, 1, 22, 0, 0, TimeSpan.Zero)), Is.EqualTo(new DateOnly(1990, 1, 2)));
        Assert.That(ShopTimeZones.None.LocalDate(new DateTimeOffset(1990, 1, 1, 5, 0, 0, TimeSpan.Zero)), Is.EqualTo(new DateOnly(1990, 1, 1)));
    }

    [Test]
    public void LocalDate_UnknownZone_FallsBackWithoutThrowing()
    {
        var zones = new ShopTimeZones([new Shop(new LightspeedId("1"), "Main", "Not/AZone", false, null)]);

        Assert.That(zones.LocalDate(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero)), Is.EqualTo(new DateOnly(1990, 1, 1)));
    }

    [Test]
    public void TimeZoneOf_KnownAndUnknownShop()
    {
        var zones = new ShopTimeZones([new Shop(new LightspeedId("1"), "Main", "US/Pacific", false, null)]);

        Assert.That(zones.TimeZoneOf(new LightspeedId("1")), Is.EqualTo("US/Pacific"));
        Assert.That(zones.TimeZoneOf(new LightspeedId("2")), Is.Null);
        Assert.That(zones.TimeZoneOf(null), Is.Null);
    }
}
