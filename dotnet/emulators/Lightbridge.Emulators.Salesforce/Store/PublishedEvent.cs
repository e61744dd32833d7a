namespace Lightbridge.Emulators.Salesforce.Store;

/// <summary>One published platform event, with the replay id and EventUuid subscribers see.</summary>
internal sealed record PublishedEvent(
    string EventName,
    long ReplayId,
    string EventUuid,
    string Id,
    DateTimeOffset CreatedDate,
    IReadOnlyDictionary<string, object?> Payload);
