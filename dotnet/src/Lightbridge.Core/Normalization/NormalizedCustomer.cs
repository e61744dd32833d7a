using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>
/// A customer ready for matching and mapping: names trimmed, emails normalized and de-duplicated with the primary
/// first, phones in E.164, and the values dropped on the way reported in <see cref="Warnings"/>.
/// </summary>
/// <param name="Source">The customer as read from Lightspeed.</param>
/// <param name="ExternalId">The account-scoped id stamped on the Contact or Lead (<c>Lightspeed_Customer_Id__c</c>).</param>
/// <param name="FirstName">First name, trimmed; null when blank.</param>
/// <param name="LastName">Last name, trimmed; null when blank.</param>
/// <param name="Company">Company, trimmed; null when blank.</param>
/// <param name="Emails">Valid addresses, de-duplicated, the primary first.</param>
/// <param name="Phones">Valid numbers, de-duplicated, in wire order.</param>
/// <param name="Warnings">Non-fatal problems: values dropped because they were malformed.</param>
public sealed record NormalizedCustomer(
    Customer Source,
    ExternalId ExternalId,
    string? FirstName,
    string? LastName,
    string? Company,
    IReadOnlyList<EmailAddress> Emails,
    IReadOnlyList<NormalizedPhone> Phones,
    IReadOnlyList<RecordFailure> Warnings)
{
    /// <summary>The Lightspeed customer id.</summary>
    public LightspeedId Id => Source.Id;

    /// <summary>The birth date (already a local date in the model).</summary>
    public DateOnly? Birthdate => Source.DateOfBirth;

    /// <summary>The address used for <c>Email</c>, or null when the customer has no valid one.</summary>
    public EmailAddress? PrimaryEmail => Emails.Count > 0 ? Emails[0] : null;

    /// <summary>The first mobile number, for <c>MobilePhone</c>.</summary>
    public PhoneNumber? MobilePhone => Phones.FirstOrDefault(p => p.UseType == PhoneUseType.Mobile)?.Number;

    /// <summary>The first number that is neither mobile, pager nor fax, for <c>Phone</c>.</summary>
    public PhoneNumber? Phone => Phones.FirstOrDefault(p => p.UseType is PhoneUseType.Home or PhoneUseType.Work or PhoneUseType.Other)?.Number;

    /// <summary>
    /// The newest change instant of the customer or its contact data: an email change may move only
    /// <c>Contact.timeStamp</c> (shared/reference/lightspeed-api.md §9.8), so both count for the checkpoint.
    /// </summary>
    public DateTimeOffset? ChangedAt =>
        Source.UpdatedAt is { } customer && Source.ContactUpdatedAt is { } contact
            ? (customer > contact ? customer : contact)
            : Source.UpdatedAt ?? Source.ContactUpdatedAt;

    /// <summary>Whether the customer has a first or a last name.</summary>
    public bool HasName => FirstName is not null || LastName is not null;

    /// <summary>Identifies the record without personal data (emails and phones mask themselves, names are left out).</summary>
    public override string ToString() =>
        $"NormalizedCustomer {{ ExternalId = {ExternalId}, Emails = [{string.Join(", ", Emails)}], Phones = [{string.Join(", ", Phones.Select(p => p.Number))}], Warnings = {Warnings.Count} }}";
}
