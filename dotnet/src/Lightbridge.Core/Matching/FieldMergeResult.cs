using Lightbridge.Core.Mapping;

namespace Lightbridge.Core.Matching;

/// <summary>The outcome of <see cref="FieldMerger.Merge"/>.</summary>
/// <param name="Record">The record to write: only the fields to write, plus every reference.</param>
/// <param name="WrittenFields">The fields kept, in order.</param>
/// <param name="SkippedFields">The fields left out (unchanged, protected by policy, or create-only).</param>
public sealed record FieldMergeResult(SalesforceRecord Record, IReadOnlyList<string> WrittenFields, IReadOnlyList<string> SkippedFields)
{
    /// <summary>Whether any field would change; when false an update can be skipped.</summary>
    public bool HasChanges => WrittenFields.Count > 0;
}
