using System.Globalization;

namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>
/// What one chaos run does: how many rounds, the seed every random choice derives from, the size of the generated
/// account and the fault rates. The suite runs the small form; <c>scripts/chaos.sh</c> sets the environment variables
/// read by <see cref="FromEnvironment"/> for the long form.
/// </summary>
internal sealed record ChaosSettings
{
    /// <summary>Rounds to run; the first is the full sync of the generated account.</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>Seed of the account, the fault draws, the kill points and the live changes.</summary>
    public int Seed { get; init; } = 8;

    /// <summary>Lightspeed shops (1 to 8).</summary>
    public int Shops { get; init; } = 2;

    /// <summary>Generated customers.</summary>
    public int Customers { get; init; } = 30;

    /// <summary>Generated items.</summary>
    public int Items { get; init; } = 40;

    /// <summary>Generated sales.</summary>
    public int Sales { get; init; } = 25;

    /// <summary>Lightspeed requests answered 500/502/503.</summary>
    public double LightspeedServerErrorRate { get; init; } = 0.08;

    /// <summary>Lightspeed connections dropped without a response.</summary>
    public double LightspeedDropRate { get; init; } = 0.04;

    /// <summary>Salesforce calls answered 500 UNKNOWN_EXCEPTION.</summary>
    public double SalesforceServerErrorRate { get; init; } = 0.03;

    /// <summary>Salesforce calls answered 503 SERVER_UNAVAILABLE.</summary>
    public double SalesforceUnavailableRate { get; init; } = 0.03;

    /// <summary>Salesforce connections dropped without a response.</summary>
    public double SalesforceDropRate { get; init; } = 0.02;

    /// <summary>Written rows refused with UNABLE_TO_LOCK_ROW.</summary>
    public double LockRowRate { get; init; } = 0.05;

    /// <summary>Delay added to every response of both emulators (slow responses).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(3);

    /// <summary>Process starts per round with the faults on; later starts run without them, as when a storm passes.</summary>
    public int StormyAttempts { get; init; } = 6;

    /// <summary>Process starts per round after which the round gives up (and the checker reports what is missing).</summary>
    public int MaxAttempts { get; init; } = 14;

    /// <summary>Where the summary is written besides the test log; null for nowhere.</summary>
    public string? ReportPath { get; init; }

    /// <summary>The small form, overridden by <c>LIGHTBRIDGE_CHAOS_ROUNDS</c>, <c>LIGHTBRIDGE_CHAOS_SEED</c>,
    /// <c>LIGHTBRIDGE_CHAOS_SIZE</c> (<c>small</c> or <c>large</c>) and <c>LIGHTBRIDGE_CHAOS_REPORT</c> (a file path).</summary>
    public static ChaosSettings FromEnvironment()
    {
        var settings = new ChaosSettings();
        if (string.Equals(Environment.GetEnvironmentVariable("LIGHTBRIDGE_CHAOS_SIZE"), "large", StringComparison.OrdinalIgnoreCase))
        {
            settings = settings with { Rounds = 20, Shops = 3, Customers = 120, Items = 120, Sales = 150 };
        }

        return settings with
        {
            Rounds = Number("LIGHTBRIDGE_CHAOS_ROUNDS") ?? settings.Rounds,
            Seed = Number("LIGHTBRIDGE_CHAOS_SEED") ?? settings.Seed,
            ReportPath = Environment.GetEnvironmentVariable("LIGHTBRIDGE_CHAOS_REPORT") is { Length: > 0 } path ? path : null,
        };
    }

    private static int? Number(string name)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'.");
    }
}
