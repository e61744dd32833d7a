namespace Lightbridge.Core.Reconciliation;

/// <summary>A Contact or Lead as the identity index holds it: its id and its normalized keys.</summary>
/// <param name="Id">The 18-character Salesforce id.</param>
/// <param name="ObjectType"><c>Contact</c> or <c>Lead</c>.</param>
/// <param name="Email">The normalized email, or null.</param>
/// <param name="Phones">The E.164 phones (phone and mobile).</param>
/// <param name="IsConverted">For a Lead, whether it was converted (its Contact stands for it, so it is no duplicate).</param>
public sealed record IdentityRecord(string Id, string ObjectType, string? Email, IReadOnlyList<string> Phones, bool IsConverted);
