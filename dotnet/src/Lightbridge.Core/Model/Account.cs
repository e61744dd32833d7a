namespace Lightbridge.Core.Model;

/// <summary>A Lightspeed R-Series account the credentials can read (<c>/API/V3/Account.json</c>).</summary>
/// <param name="Id">The account id used in every API path.</param>
/// <param name="Name">The account's display name.</param>
public sealed record Account(LightspeedId Id, string Name);
