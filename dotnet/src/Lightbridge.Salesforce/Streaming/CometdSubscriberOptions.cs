namespace Lightbridge.Salesforce.Streaming;

/// <summary>Tuning of a <see cref="CometdSubscriber"/>; the defaults suit Salesforce.</summary>
public sealed class CometdSubscriberOptions
{
    /// <summary>First delay after a network error; doubles per failure, with jitter.</summary>
    public TimeSpan BackoffInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay after network errors.</summary>
    public TimeSpan BackoffMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How much longer than the server's <c>advice.timeout</c> (110 s on Salesforce, reference §3.2) a connect may
    /// take before it is abandoned as a dead connection.
    /// </summary>
    public TimeSpan ConnectGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for handshake, subscribe and disconnect, which the server answers at once.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many EventUuids are remembered to skip events delivered twice.</summary>
    public int DeduplicationCapacity { get; set; } = 10_000;

    /// <summary>Refusals of a fresh token in a row after which the subscriber gives up (the login itself is broken).</summary>
    public int MaxAuthenticationFailures { get; set; } = 3;

    /// <summary>Seed of the back-off jitter; null for an unpredictable one.</summary>
    public int? JitterSeed { get; set; }
}
