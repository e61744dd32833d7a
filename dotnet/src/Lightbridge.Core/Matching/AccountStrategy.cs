namespace Lightbridge.Core.Matching;

/// <summary>Which Account a newly created Contact gets (DESIGN.md: "a Contact an Account strategy").</summary>
public enum AccountStrategy
{
    /// <summary>No Account: a private Contact.</summary>
    None = 0,

    /// <summary>One configured Account for every new Contact (e.g. "Retail Customers").</summary>
    DefaultAccount,

    /// <summary>An Account named after the customer's company; the default Account (if any) when the company is blank.</summary>
    CustomerCompany,
}
