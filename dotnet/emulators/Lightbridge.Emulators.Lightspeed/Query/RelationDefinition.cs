namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>
/// A loadable relation. <see cref="Parent"/> is set for nested ones (<c>SaleLines.Item</c>), which load their
/// parent too. <see cref="ToMany"/> and the parent's cardinality drive the request cost (reference section 5).
/// </summary>
internal sealed record RelationDefinition(string Name, bool ToMany, string? Parent = null);
