namespace Lightbridge.Core.Matching;

/// <summary>No rule found a record: create one.</summary>
/// <param name="CreateAs">The object to create, per configuration.</param>
public sealed record NoMatch(CustomerObjectType CreateAs) : MatchOutcome;
