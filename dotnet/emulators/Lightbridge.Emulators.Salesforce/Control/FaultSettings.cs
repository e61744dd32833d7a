namespace Lightbridge.Emulators.Salesforce.Control;

/// <summary>
/// Faults the emulator injects into REST calls (rates are fractions 0..1, drawn from a seeded random source so a run
/// repeats). All zero by default.
/// </summary>
public sealed class FaultSettings
{
    /// <summary>Fraction of API calls answered 500 UNKNOWN_EXCEPTION.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Fraction of API calls answered 503 SERVER_UNAVAILABLE.</summary>
    public double ServiceUnavailableRate { get; set; }

    /// <summary>When true every API call is refused with 403 REQUEST_LIMIT_EXCEEDED, as when the daily allocation is spent.</summary>
    public bool RequestLimitExceeded { get; set; }

    /// <summary>Fraction of written rows that fail with UNABLE_TO_LOCK_ROW (reference section 1.8).</summary>
    public double LockRowRate { get; set; }

    /// <summary>Fraction of API calls whose connection is dropped without a response.</summary>
    public double DropConnectionRate { get; set; }

    /// <summary>Delay added before every API response.</summary>
    public TimeSpan Latency { get; set; }
}
