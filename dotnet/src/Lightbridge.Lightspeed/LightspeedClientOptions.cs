namespace Lightbridge.Lightspeed;

/// <summary>How a <see cref="LightspeedClient"/> reaches one Lightspeed R-Series account.</summary>
public sealed class LightspeedClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Lightspeed";

    /// <summary>The API host (<c>https://api.lightspeedapp.com</c>); the client adds <c>/API/V3/...</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The full token endpoint (<c>https://cloud.lightspeedapp.com/auth/oauth/token</c>).</summary>
    public required Uri TokenUrl { get; init; }

    /// <summary>The account id every API path carries.</summary>
    public required string AccountId { get; init; }

    /// <summary>The OAuth client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The OAuth client secret. Never logged.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>
    /// How long before the access token expires the client refreshes it. For tokens that live less than
    /// twice this, half the lifetime is used instead. The default is 5 minutes.
    /// </summary>
    public TimeSpan RefreshAhead { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far below the bucket size, in drips, the throttle keeps the bucket level, to absorb requests
    /// in flight and the estimate's error. The default is 3 drips. On a bucket not larger than twice this,
    /// half the bucket is used instead.
    /// </summary>
    public double BucketHeadroom { get; init; } = 3;

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

    /// <summary>Checks every option and throws one exception naming each bad one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            errors.Add($"{SectionName}:BaseUrl must be an absolute URL.");
        }

        if (TokenUrl is null || !TokenUrl.IsAbsoluteUri)
        {
            errors.Add($"{SectionName}:TokenUrl must be an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(AccountId))
        {
            errors.Add($"{SectionName}:AccountId is required.");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            errors.Add($"{SectionName}:ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            errors.Add($"{SectionName}:ClientSecret is required.");
        }

        if (RefreshAhead < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:RefreshAhead must not be negative.");
        }

        if (BucketHeadroom < 0 || double.IsNaN(BucketHeadroom))
        {
            errors.Add($"{SectionName}:BucketHeadroom must not be negative.");
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

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
