using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Soql;

/// <summary>All rows of a query, already rendered; paging happens in the REST layer.</summary>
internal sealed record SoqlResult(int TotalSize, IReadOnlyList<JsonObject> Records);
