namespace Lightbridge.Emulators.XSeries;

/// <summary>What became of one webhook delivery attempt.</summary>
public enum XSeriesWebhookOutcome
{
    /// <summary>The subscriber answered 2xx.</summary>
    Sent,

    /// <summary>Deliberately not sent (the configured drop share).</summary>
    Dropped,

    /// <summary>A non-2xx answer, a timeout, a connection error, or abandoned at shutdown.</summary>
    Failed,
}

/// <summary>
/// One webhook delivery attempt in the emulator's journal: the notice's type, the record it announces (id and the
/// version the change gave it), the subscription it was meant for, when the change queued it, when its outcome was
/// known, and that outcome.
/// </summary>
/// <param name="Type">The webhook type, e.g. <c>sale.update</c>.</param>
/// <param name="RecordId">The id of the record the notice announces (for <c>inventory.update</c>, the inventory row).</param>
/// <param name="Version">The record's version in the notice's payload.</param>
/// <param name="SubscriptionId">The subscription the delivery was for.</param>
/// <param name="QueuedAt">When the change published it (the emulator's clock).</param>
/// <param name="FinishedAt">When its outcome was known: the subscriber's answer, or <see cref="QueuedAt"/> for a drop.</param>
/// <param name="Outcome">Sent, dropped or failed.</param>
public sealed record XSeriesWebhookDelivery(
    string Type,
    string RecordId,
    long Version,
    string SubscriptionId,
    DateTimeOffset QueuedAt,
    DateTimeOffset FinishedAt,
    XSeriesWebhookOutcome Outcome);
