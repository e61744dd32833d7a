using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Validation;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Validation;

public sealed class CustomerValidatorTests
{
    [Test]
    public void Validate_NameOnly_Valid()
    {
        Assert.That(CustomerValidator.Validate(Normalized(Customer(emails: []))), Is.Empty);
    }

    [Test]
    public void Validate_EmailOnly_Valid()
    {
        Assert.That(CustomerValidator.Validate(Normalized(Customer(first: null, last: null))), Is.Empty);
    }

    [Test]
    public void Validate_PhoneOnly_Valid()
    {
        var customer = Customer(first: null, last: null, emails: [], phones: [new CustomerPhone("01632 960123", PhoneUseType.Home)]);

        Assert.That(CustomerValidator.Validate(Normalized(customer)), Is.Empty);
    }

    [Test]
    public void Validate_NoNameAndOnlyMalformedEmail_FailsCustomerNeedsIdentityAndWarns()
    {
        var customer = Customer(first: " ", last: null, emails: [new CustomerEmail("nobody", EmailUseType.Primary)]);

        var failures = CustomerValidator.Validate(Normalized(customer));

        Assert.That(failures.Select(f => (f.Rule, f.Severity)), Is.EquivalentTo(new[]
        {
            (ValidationRules.CustomerNeedsIdentity, FailureSeverity.Error),
            (CustomerNormalizer.EmailMalformedRule, FailureSeverity.Warning),
        }));
        Assert.That(failures.First(f => f.IsBlocking).Message, Does.Contain("Customer 7"));
    }

    [Test]
    public void Validate_FirstNameLongerThanField_FailsFieldTooLong()
    {
        var failure = CustomerValidator.Validate(Normalized(Customer(first: new string('A', 41)))).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.FieldTooLong));
        Assert.That(failure.Field, Is.EqualTo(nameof(Lightbridge.Core.Model.Customer.FirstName)));
        Assert.That(failure.Message, Does.Not.Contain("AAAA"));
    }
}
