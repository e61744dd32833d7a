namespace Lightbridge.XSeries;

/// <summary>How an <see cref="XSeriesClient"/> reaches one Lightspeed X-Series account (API 2.0).</summary>
public sealed class XSeriesClientOptions
{
    /// <summary>The configuration section these options bind from; every validation message starts with it.</summary>
    public const string SectionName = "Lightspeed";

    /// <summary>The largest page the client asks for; the API caps pages itself, larger asks only cost memory.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>The account's domain prefix (<c>mystore</c> in <c>mystore.retail.lightspeed.app</c>): the account id.</summary>
    public required string DomainPrefix { get; init; }

    /// <summary>The account's API host, <c>https://{prefix}.retail.lightspeed.app</c>; the client adds <c>/api/2.0/...</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The token endpoint; null means <c>{BaseUrl}/api/1.0/token</c>, where X-Series serves it.</summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>The OAuth client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The OAuth client secret. Never logged.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>Records asked for per page (<c>page_size</c>). The default is 200.</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>
    /// How long before the access token expires the client refreshes it; for tokens that live less than twice this,
    /// half the lifetime is used instead. The default is 5 minutes.
    /// </summary>
    public TimeSpan RefreshAhead { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The length of the API's rate-limit window: X-Series counts requests per 5 minutes
    /// (shared/reference/lightspeed-api.md §7). The default is 5 minutes.
    /// </summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The share of the window's requests (0 to 1) kept in reserve: once <c>X-RateLimit-Remaining</c> falls to it, the
    /// client spaces requests out so the rest of the window is not spent at once. The default is 0.2.
    /// </summary>
    public double RateLimitReserve { get; init; } = 0.2;

    /// <summary>How many times one request is retried after a transient fault (5xx, timeout, dropped connection). The default is 5.</summary>
    public int MaxTransientRetries { get; init; } = 5;

    /// <summary>The first back-off delay after a transient fault; later ones grow exponentially with jitter. The default is 1 second.</summary>
    public TimeSpan TransientRetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off delay between transient retries. The default is 30 seconds.</summary>
    public TimeSpan TransientRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP attempt may take before it counts as a transient timeout. The default is 100 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>How many 429 responses in a row one request accepts before it gives up. The default is 20.</summary>
    public int MaxRateLimitedRetries { get; init; } = 20;

    /// <summary>The token endpoint actually used: <see cref="TokenUrl"/> or its default under <see cref="BaseUrl"/>.</summary>
    public Uri EffectiveTokenUrl => TokenUrl ?? new Uri(BaseUrlWithSlash(), "api/1.0/token");

    /// <summary>Checks every option; returns one message per bad setting, each naming it (empty when all are good).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DomainPrefix))
        {
            errors.Add($"{SectionName}:DomainPrefix is required.");
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            errors.Add($"{SectionName}:BaseUrl must be an absolute URL.");
        }

        if (TokenUrl is { IsAbsoluteUri: false })
        {
            errors.Add($"{SectionName}:TokenUrl must be an absolute URL.");
        }

        Require(errors, ClientId, "ClientId");
        Require(errors, ClientSecret, "ClientSecret");
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add($"{SectionName}:PageSize must be between 1 and {MaxPageSize}.");
        }

        if (RefreshAhead < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:RefreshAhead must not be negative.");
        }

        if (RateLimitWindow <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:RateLimitWindow must be positive.");
        }

        if (RateLimitReserve is < 0 or >= 1 || double.IsNaN(RateLimitReserve))
        {
            errors.Add($"{SectionName}:RateLimitReserve must be at least 0 and below 1.");
        }

        if (MaxTransientRetries < 0)
        {
            errors.Add($"{SectionName}:MaxTransientRetries must not be negative.");
        }

        if (TransientRetryBaseDelay <= TimeSpan.Zero || TransientRetryMaxDelay < TransientRetryBaseDelay)
        {
            errors.Add($"{SectionName}:TransientRetryBaseDelay must be positive and not above TransientRetryMaxDelay.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:RequestTimeout must be positive.");
        }

        if (MaxRateLimitedRetries < 0)
        {
            errors.Add($"{SectionName}:MaxRateLimitedRetries must not be negative.");
        }

        return errors;
    }

    /// <summary>The base URL with a trailing slash, so relative API paths append rather than replace its last segment.</summary>
    internal Uri BaseUrlWithSlash() =>
        BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    private static void Require(List<string> errors, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{SectionName}:{name} is required.");
        }
    }
}
