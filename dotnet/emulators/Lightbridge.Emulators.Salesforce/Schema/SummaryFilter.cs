namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>One summaryFilterItems entry of a roll-up summary: a child field, an operation (equals, notEqual, ...) and a value.</summary>
internal sealed record SummaryFilter(string Field, string Operation, string Value);
