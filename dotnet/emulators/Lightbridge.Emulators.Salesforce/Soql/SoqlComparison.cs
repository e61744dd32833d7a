namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>
/// <c>field op value</c>; Operator is one of = != &lt; &gt; &lt;= &gt;= LIKE IN NOTIN (IN and NOT IN carry a value list).
/// </summary>
internal sealed record SoqlComparison(SoqlFieldPath Field, string Operator, IReadOnlyList<SoqlValue> Values) : SoqlCondition;
