using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Matching;

public sealed class AccountPolicyTests
{
    private static readonly SalesforceId Retail = SalesforceId.Parse("001000000000001");

    [Test]
    public void Choose_None_NoAccount()
    {
        Assert.That(new AccountPolicy(AccountStrategy.None, Retail).Choose(Normalized(Customer(company: "Acme"))).IsNone, Is.True);
    }

    [Test]
    public void Choose_DefaultAccount_ThatAccount()
    {
        Assert.That(new AccountPolicy(AccountStrategy.DefaultAccount, Retail).Choose(Normalized(Customer())), Is.EqualTo(new AccountChoice(Retail, null)));
    }

    [Test]
    public void Choose_DefaultAccountWithoutId_Throws()
    {
        Assert.That(() => new AccountPolicy(AccountStrategy.DefaultAccount).Choose(Normalized(Customer())), Throws.InvalidOperationException);
    }

    [Test]
    public void Choose_CustomerCompany_CompanyName()
    {
        var choice = new AccountPolicy(AccountStrategy.CustomerCompany, Retail).Choose(Normalized(Customer(company: " Acme Ltd ")));

        Assert.That(choice, Is.EqualTo(new AccountChoice(null, "Acme Ltd")));
    }

    [Test]
    public void Choose_CustomerCompanyBlank_FallsBackToDefault()
    {
        Assert.That(new AccountPolicy(AccountStrategy.CustomerCompany, Retail).Choose(Normalized(Customer(company: null))), Is.EqualTo(new AccountChoice(Retail, null)));
        Assert.That(new AccountPolicy(AccountStrategy.CustomerCompany).Choose(Normalized(Customer(company: null))).IsNone, Is.True);
    }
}
