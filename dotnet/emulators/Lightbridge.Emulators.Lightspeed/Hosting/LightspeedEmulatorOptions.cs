namespace Lightbridge.Emulators.Lightspeed;

/// <summary>Settings of one emulator instance. Defaults give a small, deterministic account.</summary>
public sealed class LightspeedEmulatorOptions
{
    /// <summary>The time scale used by <see cref="BucketMode.Fast"/> when <see cref="TimeScale"/> is left at 1.</summary>
    public const double DefaultFastTimeScale = 20;

    /// <summary>Loopback address to bind. The default is 127.0.0.1.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port to bind; 0 lets the OS choose.</summary>
    public int Port { get; set; }

    /// <summary>Seed of the data generator: the same seed gives byte-identical responses.</summary>
    public int Seed { get; set; } = 1;

    public int Shops { get; set; } = 3;

    public int Customers { get; set; } = 200;

    public int Items { get; set; } = 100;

    public int Sales { get; set; } = 500;

    public string AccountId { get; set; } = "120645";

    /// <summary>OAuth client id; null means a deterministic default (see <see cref="LightspeedEmulator.CredentialsDefaulted"/>).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The initial refresh token; it is single-use like every later one.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Lifetime of issued access tokens (the real API's refresh example says 1800 s).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(1800);

    public BucketMode Bucket { get; set; } = BucketMode.Real;

    /// <summary>Bucket clock speed-up; <see cref="BucketMode.Fast"/> uses <see cref="DefaultFastTimeScale"/> unless set.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>The instant the generated history ends, so data never depends on today's date. Default 2026-10-01T00:00:00Z.</summary>
    public DateTimeOffset HistoryEnd { get; set; } = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The most shops the generator has profiles for.</summary>
    public const int MaxShops = 8;

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

        if (Shops is < 1 or > MaxShops)
        {
            errors.Add($"Shops: {Shops} is outside 1–{MaxShops}.");
        }

        foreach (var (name, value) in new[] { (nameof(Customers), Customers), (nameof(Items), Items), (nameof(Sales), Sales) })
        {
            if (value < 0)
            {
                errors.Add($"{name}: {value} is negative.");
            }
        }

        if (Items < 1)
        {
            errors.Add("Items: at least one item is needed to build sales.");
        }

        if (string.IsNullOrWhiteSpace(AccountId) || !AccountId.All(char.IsAsciiDigit))
        {
            errors.Add($"AccountId: '{AccountId}' must be digits.");
        }

        if (AccessTokenLifetime <= TimeSpan.Zero)
        {
            errors.Add("AccessTokenLifetime: must be positive.");
        }

        if (!(TimeScale > 0) || double.IsInfinity(TimeScale))
        {
            errors.Add($"TimeScale: {TimeScale} must be a positive number.");
        }

        return errors;
    }

    /// <summary>The clock speed-up actually applied to the bucket.</summary>
    internal double EffectiveTimeScale => Bucket == BucketMode.Fast && TimeScale == 1 ? DefaultFastTimeScale : Math.Max(TimeScale, 0.000001);
}
