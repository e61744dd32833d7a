namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>
/// One select-list item: a field path, an aggregate (<c>SUM(Total__c) total</c>), or the bare <c>COUNT()</c>
/// (Function "COUNT" with no Field).
/// </summary>
internal sealed record SoqlSelectItem(SoqlFieldPath? Field, string? Function, string? Alias, int Position)
{
    public bool IsAggregate => Function is not null;

    public bool IsCountStar => Function is not null && Field is null;
}
