namespace Lightbridge.Emulators.XSeries;

/// <summary>Settings of one X-Series emulator instance. Defaults give a small, deterministic retailer.</summary>
public sealed class XSeriesEmulatorOptions
{
    /// <summary>The most outlets the generator has profiles for.</summary>
    public const int MaxOutlets = 6;

    /// <summary>Loopback address to bind. The default is 127.0.0.1.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port to bind; 0 lets the OS choose.</summary>
    public int Port { get; set; }

    /// <summary>Seed of the data generator, the version gaps and the webhook drops: the same seed gives the same data.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Number of outlets (1–<see cref="MaxOutlets"/>).</summary>
    public int Outlets { get; set; } = 2;

    /// <summary>Registers per outlet (1–5); the register count sizes the rate limit.</summary>
    public int RegistersPerOutlet { get; set; } = 1;

    /// <summary>Number of customers to generate.</summary>
    public int Customers { get; set; } = 120;

    /// <summary>Number of products to generate (at least one, to build sales).</summary>
    public int Products { get; set; } = 60;

    /// <summary>Number of sales to generate, spread over <see cref="HistoryDays"/>.</summary>
    public int Sales { get; set; } = 300;

    /// <summary>Days of sales history ending at <see cref="HistoryEnd"/>.</summary>
    public int HistoryDays { get; set; } = 30;

    /// <summary>The instant the generated history ends, so data never depends on today's date. Default 2026-10-01T00:00:00Z.</summary>
    public DateTimeOffset HistoryEnd { get; set; } = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The retailer's domain prefix (the real host is <c>{prefix}.retail.lightspeed.app</c>).</summary>
    public string DomainPrefix { get; set; } = "lightbridgedemo";

    /// <summary>OAuth client id; null means a deterministic default.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret; null means a deterministic default. It also keys the webhook signatures.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The initial refresh token; single-use like every later one.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Lifetime of issued access tokens (the real token changelog's example says 604800 s).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(604800);

    /// <summary>False turns the rate limiter off (headers still show the limit).</summary>
    public bool RateLimit { get; set; } = true;

    /// <summary>Rate-limit window clock speed-up: 10 makes the 5-minute window last 30 s.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Requests allowed per register per window (300 on the real API).</summary>
    public int RequestsPerRegister { get; set; } = 300;

    /// <summary>Requests allowed per window on top of the per-register share (50 on the real API).</summary>
    public int RequestsBase { get; set; } = 50;

    /// <summary>Share of webhook deliveries silently dropped (0–1), drawn from a seeded random.</summary>
    public double WebhookDropRate { get; set; }

    /// <summary>The clock of tokens, rate limiting, mutations and latency faults.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Every problem with these options, each naming its option; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host) || (Host != "localhost" && !System.Net.IPAddress.TryParse(Host, out _)))
        {
            errors.Add($"Host: '{Host}' is not an IP address or localhost.");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"Port: {Port} is outside 0–65535.");
        }

        if (Outlets is < 1 or > MaxOutlets)
        {
            errors.Add($"Outlets: {Outlets} is outside 1–{MaxOutlets}.");
        }

        if (RegistersPerOutlet is < 1 or > 5)
        {
            errors.Add($"RegistersPerOutlet: {RegistersPerOutlet} is outside 1–5.");
        }

        foreach (var (name, value) in new[] { (nameof(Customers), Customers), (nameof(Sales), Sales), (nameof(RequestsBase), RequestsBase) })
        {
            if (value < 0)
            {
                errors.Add($"{name}: {value} is negative.");
            }
        }

        if (Products < 1)
        {
            errors.Add("Products: at least one product is needed to build sales.");
        }

        if (HistoryDays < 1)
        {
            errors.Add($"HistoryDays: {HistoryDays} must be at least 1.");
        }

        if (RequestsPerRegister < 1)
        {
            errors.Add($"RequestsPerRegister: {RequestsPerRegister} must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(DomainPrefix) || !DomainPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add($"DomainPrefix: '{DomainPrefix}' must be letters, digits and hyphens.");
        }

        if (AccessTokenLifetime <= TimeSpan.Zero)
        {
            errors.Add("AccessTokenLifetime: must be positive.");
        }

        if (!(TimeScale > 0) || double.IsInfinity(TimeScale))
        {
            errors.Add($"TimeScale: {TimeScale} must be a positive number.");
        }

        if (WebhookDropRate is < 0 or > 1 || double.IsNaN(WebhookDropRate))
        {
            errors.Add($"WebhookDropRate: {WebhookDropRate} is outside 0–1.");
        }

        return errors;
    }
}
