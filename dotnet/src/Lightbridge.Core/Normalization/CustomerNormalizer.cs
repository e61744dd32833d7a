using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>
/// Turns a Lightspeed <see cref="Customer"/> into a <see cref="NormalizedCustomer"/>. A malformed email or phone is
/// dropped from matching and reported as a warning, never fatal (issue 5, "Validation").
/// </summary>
public sealed class CustomerNormalizer
{
    /// <summary>The rule name of a dropped email.</summary>
    public const string EmailMalformedRule = "EmailMalformed";

    /// <summary>The rule name of a dropped phone number.</summary>
    public const string PhoneInvalidRule = "PhoneInvalid";

    private readonly IPhoneNumberNormalizer _phones;

    /// <summary>Creates a normalizer that parses phones with <paramref name="phones"/>.</summary>
    public CustomerNormalizer(IPhoneNumberNormalizer phones)
    {
        ArgumentNullException.ThrowIfNull(phones);
        _phones = phones;
    }

    /// <summary>Normalizes one customer of <paramref name="account"/>, with the account's default phone region.</summary>
    public NormalizedCustomer Normalize(Customer customer, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Normalize(customer, account.AccountId, account.DefaultRegion);
    }

    /// <summary>Normalizes one customer of <paramref name="accountId"/>.</summary>
    /// <param name="customer">The customer as read.</param>
    /// <param name="accountId">The Lightspeed account, for the external id.</param>
    /// <param name="defaultRegion">
    /// The account's or shop's ISO 3166-1 alpha-2 region for national numbers; the customer's own address country wins
    /// when it has one, since a shopper's number is most likely from where they live.
    /// </param>
    public NormalizedCustomer Normalize(Customer customer, LightspeedId accountId, string defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);

        var warnings = new List<RecordFailure>();
        var emails = NormalizeEmails(customer, warnings);
        var region = RegionOf(customer.Address) ?? defaultRegion.Trim().ToUpperInvariant();
        var phones = NormalizePhones(customer, region, warnings);

        return new NormalizedCustomer(
            customer,
            new ExternalId(accountId, customer.Id),
            Clean(customer.FirstName),
            Clean(customer.LastName),
            Clean(customer.Company),
            emails,
            phones,
            warnings);
    }

    private static List<EmailAddress> NormalizeEmails(Customer customer, List<RecordFailure> warnings)
    {
        var emails = new List<EmailAddress>();

        // Primary first, then secondary, then unknown uses; the sort is stable, so wire order breaks ties.
        var ordered = customer.Emails
            .Select((email, index) => (email, index))
            .OrderBy(e => e.email.UseType switch { EmailUseType.Primary => 0, EmailUseType.Secondary => 1, _ => 2 });
        foreach (var (email, index) in ordered)
        {
            var result = EmailNormalizer.Normalize(email.Address);
            if (!result.IsValid)
            {
                warnings.Add(new RecordFailure(
                    SyncEntity.Customer,
                    customer.Id,
                    nameof(Customer.Emails),
                    EmailMalformedRule,
                    $"Customer {customer.Id}: email #{index + 1} ({email.UseType}) dropped from matching: {result.Problem}.",
                    FailureSeverity.Warning));
            }
            else if (!emails.Contains(result.Email))
            {
                emails.Add(result.Email);
            }
        }

        return emails;
    }

    private List<NormalizedPhone> NormalizePhones(Customer customer, string region, List<RecordFailure> warnings)
    {
        var phones = new List<NormalizedPhone>();
        for (var index = 0; index < customer.Phones.Count; index++)
        {
            var phone = customer.Phones[index];
            if (string.IsNullOrWhiteSpace(phone.Number))
            {
                continue;
            }

            var result = _phones.Normalize(phone.Number.Trim(), region);
            if (!result.IsValid)
            {
                warnings.Add(new RecordFailure(
                    SyncEntity.Customer,
                    customer.Id,
                    nameof(Customer.Phones),
                    PhoneInvalidRule,
                    $"Customer {customer.Id}: phone #{index + 1} ({phone.UseType}) dropped from matching: {result.Problem}.",
                    FailureSeverity.Warning));
            }
            else if (!phones.Exists(p => p.Number == result.Number))
            {
                phones.Add(new NormalizedPhone(result.Number, phone.UseType));
            }
        }

        return phones;
    }

    private static string? RegionOf(PostalAddress? address)
    {
        var code = address?.CountryCode?.Trim();
        return code is { Length: 2 } && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
