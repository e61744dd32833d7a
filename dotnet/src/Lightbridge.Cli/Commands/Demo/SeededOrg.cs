namespace Lightbridge.Cli.Commands.Demo;

/// <summary>What the demo planted in the org before the first sync.</summary>
/// <param name="Contacts">Contacts created.</param>
/// <param name="Leads">Leads created.</param>
/// <param name="EmailTwins">Shoppers with a Contact whose email differs only in case or spaces.</param>
/// <param name="PhoneLeads">Shoppers with a Lead that has only their phone, in another format.</param>
/// <param name="DuplicatePairs">Shoppers entered twice as Contacts with the same email.</param>
/// <param name="ConvertedLeads">Shoppers whose Lead was converted to a Contact without an email.</param>
/// <param name="ExternalIds">Shoppers whose Contact already carries their external id.</param>
/// <param name="Prospects">Unrelated Contacts and Leads.</param>
internal sealed record SeededOrg(int Contacts, int Leads, int EmailTwins, int PhoneLeads, int DuplicatePairs, int ConvertedLeads, int ExternalIds, int Prospects)
{
    /// <summary>Nothing planted.</summary>
    public static SeededOrg Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}
