namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>
/// One ORDER BY key: a field, or an aggregate in a grouped query. Nulls sort first ascending and last descending unless
/// NULLS FIRST/LAST says otherwise.
/// </summary>
internal sealed record SoqlOrderItem(SoqlSelectItem Key, bool Descending, bool NullsLast);
