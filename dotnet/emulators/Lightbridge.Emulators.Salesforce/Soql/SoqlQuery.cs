namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>A parsed SELECT statement.</summary>
internal sealed record SoqlQuery(
    string Text,
    IReadOnlyList<SoqlSelectItem> Select,
    string From,
    int FromPosition,
    SoqlCondition? Where,
    IReadOnlyList<SoqlFieldPath> GroupBy,
    IReadOnlyList<SoqlOrderItem> OrderBy,
    int? Limit,
    int? Offset)
{
    public bool IsCountOnly => Select.Count == 1 && Select[0].IsCountStar;

    public bool IsAggregate => !IsCountOnly && (GroupBy.Count > 0 || Select.Any(s => s.IsAggregate));
}
