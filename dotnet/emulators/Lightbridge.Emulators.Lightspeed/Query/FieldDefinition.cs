namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>
/// A filterable (and maybe sortable) field of a record type. The getter returns a typed value: long, decimal,
/// DateTimeOffset, bool or string, or null when absent (e.g. <c>completeTime</c> of an open sale).
/// </summary>
internal sealed record FieldDefinition<T>(string Name, FieldKind Kind, Func<T, object?> Get, string? RequiresRelation = null);
