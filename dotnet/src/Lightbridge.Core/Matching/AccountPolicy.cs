using Lightbridge.Core.Identity;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Matching;

/// <summary>Applies an <see cref="AccountStrategy"/> to a customer about to be created as a Contact.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="DefaultAccountId">The configured Account; required by <see cref="AccountStrategy.DefaultAccount"/>.</param>
public sealed record AccountPolicy(AccountStrategy Strategy, SalesforceId? DefaultAccountId = null)
{
    /// <summary>Decides the Account of a new Contact for <paramref name="customer"/>.</summary>
    /// <exception cref="InvalidOperationException">The strategy is DefaultAccount and no default Account is configured.</exception>
    public AccountChoice Choose(NormalizedCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Strategy switch
        {
            AccountStrategy.None => AccountChoice.NoAccount,
            AccountStrategy.DefaultAccount => new AccountChoice(
                DefaultAccountId ?? throw new InvalidOperationException("The DefaultAccount strategy needs a default Account id."), null),
            AccountStrategy.CustomerCompany when customer.Company is { } company => new AccountChoice(null, company),
            AccountStrategy.CustomerCompany => new AccountChoice(DefaultAccountId, null),
            _ => throw new InvalidOperationException($"Unknown account strategy {Strategy}."),
        };
    }
}
