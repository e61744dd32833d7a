using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Matching;

/// <summary>Exactly one record matched: update it, and stamp the external id on it.</summary>
/// <param name="Id">The record to update (for a converted Lead, its Contact).</param>
/// <param name="ObjectType">Contact or Lead.</param>
/// <param name="Rule">The rule that found it.</param>
public sealed record Matched(SalesforceId Id, CustomerObjectType ObjectType, MatchingRule Rule) : MatchOutcome;
