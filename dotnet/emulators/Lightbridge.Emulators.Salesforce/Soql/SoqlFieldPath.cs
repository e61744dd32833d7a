namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>A dotted field reference such as <c>Name</c>, <c>Account.Name</c> or <c>Sale__r.Store__r.Name</c>.</summary>
internal sealed record SoqlFieldPath(IReadOnlyList<string> Segments, int Position)
{
    public string Text => string.Join('.', Segments);
}
