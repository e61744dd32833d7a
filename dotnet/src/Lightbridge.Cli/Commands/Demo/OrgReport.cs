namespace Lightbridge.Cli.Commands.Demo;

/// <summary>The org before and after.</summary>
/// <param name="Before">Records per object before the first sync.</param>
/// <param name="After">Records per object at the end.</param>
/// <param name="Inserted">Records the org inserted from the first sync on, per object (its own DML counter).</param>
/// <param name="Updated">Record updates the org counted from the first sync on, per object.</param>
/// <param name="DeletedByDemo">Records the demo deleted as an admin would (the record later resynced).</param>
internal sealed record OrgReport(
    SortedDictionary<string, long> Before,
    SortedDictionary<string, long> After,
    SortedDictionary<string, long> Inserted,
    SortedDictionary<string, long> Updated,
    SortedDictionary<string, long> DeletedByDemo);
