namespace Lightbridge.Core.Matching;

/// <summary>What <see cref="CustomerMatcher"/> decided: <see cref="Matched"/>, <see cref="NoMatch"/> or <see cref="Ambiguous"/>.</summary>
public abstract record MatchOutcome;
