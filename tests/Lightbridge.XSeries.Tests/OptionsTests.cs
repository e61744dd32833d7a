using Lightbridge.Lightspeed;

namespace Lightbridge.XSeries.Tests;

/// <summary>Options validation names every bad setting; defaults derive from the base URL.</summary>
public sealed class OptionsTests
{
    [Test]
    public void Validate_GoodOptions_HasNoErrors() => Assert.That(Good().Validate(), Is.Empty);

    [Test]
    public void Validate_EveryBadSetting_IsNamed()
    {
        var options = new XSeriesClientOptions
        {
            DomainPrefix = " ",
            BaseUrl = new Uri("/relative", UriKind.Relative),
            TokenUrl = new Uri("token", UriKind.Relative),
            ClientId = "",
            ClientSecret = "",
            PageSize = 0,
            RateLimitReserve = 1,
            MaxTransientRetries = -1,
            RequestTimeout = TimeSpan.Zero,
        };

        Assert.That(options.Validate(), Is.EqualTo(new[]
        {
            "Lightspeed:DomainPrefix is required.",
            "Lightspeed:BaseUrl must be an absolute URL.",
            "Lightspeed:TokenUrl must be an absolute URL.",
            "Lightspeed:ClientId is required.",
            "Lightspeed:ClientSecret is required.",
            "Lightspeed:PageSize must be between 1 and 10000.",
            "Lightspeed:RateLimitReserve must be at least 0 and below 1.",
            "Lightspeed:MaxTransientRetries must not be negative.",
            "Lightspeed:RequestTimeout must be positive.",
        }));
    }

    [Test]
    public void Constructor_BadOptions_ThrowsNamingTheSettingAndNotTheSecret()
    {
        var options = new XSeriesClientOptions { DomainPrefix = "demo", BaseUrl = new Uri("https://demo.retail.lightspeed.app"), ClientId = "", ClientSecret = "s3cret" };
        using var http = new HttpClient();

        var ex = Assert.Throws<ArgumentException>(() => new XSeriesClient(http, options, new InMemoryLightspeedTokenStore("r"), TimeProvider.System));

        Assert.That(ex!.Message, Does.Contain("Lightspeed:ClientId is required.").And.Not.Contain("s3cret"));
    }

    [Test]
    public void EffectiveTokenUrl_DefaultsUnderTheBaseUrl()
    {
        Assert.That(Good().EffectiveTokenUrl, Is.EqualTo(new Uri("https://demo.retail.lightspeed.app/api/1.0/token")));
        var behindAPath = new XSeriesClientOptions { DomainPrefix = "demo", BaseUrl = new Uri("http://127.0.0.1:5000/demo"), ClientId = "c", ClientSecret = "s" };
        Assert.That(behindAPath.EffectiveTokenUrl, Is.EqualTo(new Uri("http://127.0.0.1:5000/demo/api/1.0/token")));
    }

    private static XSeriesClientOptions Good() =>
        new() { DomainPrefix = "demo", BaseUrl = new Uri("https://demo.retail.lightspeed.app"), ClientId = "c", ClientSecret = "s" };
}
