using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Matching;

/// <summary>The Account decided for a new Contact.</summary>
/// <param name="AccountId">An existing Account to link, or null.</param>
/// <param name="CompanyName">The name of the Account to find or create (by <c>Name</c>) and link, or null.</param>
public sealed record AccountChoice(SalesforceId? AccountId, string? CompanyName)
{
    /// <summary>No Account.</summary>
    public static AccountChoice NoAccount { get; } = new(null, null);

    /// <summary>Whether the Contact gets no Account.</summary>
    public bool IsNone => AccountId is null && CompanyName is null;
}
