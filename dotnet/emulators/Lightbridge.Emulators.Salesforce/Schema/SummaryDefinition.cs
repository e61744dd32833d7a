namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>
/// A roll-up summary on a master: <c>summaryForeignKey</c> names the child object and its master-detail field,
/// <c>summarizedField</c> the child field (absent for count). Reference section 4.3 and 4.4.
/// </summary>
internal sealed record SummaryDefinition(
    string Operation,
    string ChildObject,
    string ForeignKeyField,
    string? SummarizedField,
    IReadOnlyList<SummaryFilter> Filters);
