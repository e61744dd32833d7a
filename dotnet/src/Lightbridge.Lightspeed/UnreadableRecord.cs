namespace Lightbridge.Lightspeed;

/// <summary>
/// A record of a page that could not be read into the model (a value of the wrong shape where an id or a relation
/// belongs, a missing id): reported to <see cref="LightspeedClient.UnreadableRecordHandler"/> so the rest of the page goes
/// on and the record is queued by whoever reads it, instead of one bad record stopping every later run at that page.
/// </summary>
/// <param name="Entity">The Lightspeed entity, e.g. <c>Sale</c>.</param>
/// <param name="Id">The record's id as sent, when it could be read; null when even that is missing or malformed.</param>
/// <param name="Problem">What could not be read (the reader's message, never the value).</param>
/// <param name="RawJson">The record's JSON as received, for a masked snapshot.</param>
public sealed record UnreadableRecord(string Entity, string? Id, string Problem, string RawJson);
