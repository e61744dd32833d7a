using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Validation;

/// <summary>Validates a normalized customer; the normalization warnings (dropped emails and phones) come along.</summary>
public static class CustomerValidator
{
    /// <summary>The length of <c>FirstName</c> on Contact and Lead.</summary>
    public const int FirstNameMaxLength = 40;

    /// <summary>The length of <c>LastName</c> on Contact and Lead.</summary>
    public const int LastNameMaxLength = 80;

    /// <summary>The length of <c>Lead.Company</c>.</summary>
    public const int CompanyMaxLength = 255;

    /// <summary>Returns the blocking failures and the normalization warnings of <paramref name="customer"/>.</summary>
    public static IReadOnlyList<RecordFailure> Validate(NormalizedCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var failures = new FailureCollector();
        var id = customer.Id;

        if (!customer.HasName && customer.Emails.Count == 0 && customer.Phones.Count == 0)
        {
            failures.Add(SyncEntity.Customer, id, RecordFailure.WholeRecord, ValidationRules.CustomerNeedsIdentity,
                $"Customer {id} has no name, no valid email and no valid phone to create or match a record with.");
        }

        failures.CheckLength(SyncEntity.Customer, id, nameof(Customer.FirstName), customer.FirstName, FirstNameMaxLength);
        failures.CheckLength(SyncEntity.Customer, id, nameof(Customer.LastName), customer.LastName, LastNameMaxLength);
        failures.CheckLength(SyncEntity.Customer, id, nameof(Customer.Company), customer.Company, CompanyMaxLength);
        failures.AddRange(customer.Warnings);
        return failures.Failures;
    }
}
