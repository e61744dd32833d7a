using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines;

/// <summary>The outcome of loading one batch: the path taken and one result per record, by input position.</summary>
/// <param name="Path">Collections or Bulk.</param>
/// <param name="Results">One result per record, <c>Results[i]</c> for the i-th record sent.</param>
internal sealed record LoadReport(LoadPath Path, IReadOnlyList<RecordResult> Results);
