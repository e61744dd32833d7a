using System.ComponentModel.DataAnnotations;
using Lightbridge.Core.Planning;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// The <c>Sync</c> configuration section: how batches are loaded and how far back each incremental read starts.
/// </summary>
public sealed class SyncOptions
{
    /// <summary>The configuration section name, <c>Sync</c>.</summary>
    public const string SectionName = "Sync";

    /// <summary>The default <see cref="BulkThreshold"/>, 2,000 records.</summary>
    public const int DefaultBulkThreshold = LoadPathPlanner.DefaultBulkThreshold;

    /// <summary>The default <see cref="OverlapSeconds"/>, 300 (five minutes).</summary>
    public const int DefaultOverlapSeconds = 300;

    /// <summary>The default <see cref="BatchSize"/>, 10,000 records.</summary>
    public const int DefaultBatchSize = 10_000;

    /// <summary>
    /// Batches of at least this many records go through Bulk API 2.0, smaller ones through sObject Collections
    /// (<c>Sync:BulkThreshold</c>, DESIGN "Data flow" step 5). The default is 2,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int BulkThreshold { get; init; } = DefaultBulkThreshold;

    /// <summary>
    /// How many seconds before the checkpoint each incremental read starts (<c>Sync:OverlapSeconds</c>), so rows whose
    /// timestamps landed late are still read. The default is 300.
    /// </summary>
    [Range(0, 86_400)]
    public int OverlapSeconds { get; init; } = DefaultOverlapSeconds;

    /// <summary>
    /// How many records one batch reads before it is loaded and the checkpoint committed (<c>Sync:BatchSize</c>): a
    /// crash loses at most one batch of progress. It must be at least <see cref="BulkThreshold"/>, or Bulk would never
    /// be chosen. The default is 10,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// The share of the org's daily API allowance (as <c>Sforce-Limit-Info</c> reports it) at which a run stops before its
    /// next load, with status Paused, its checkpoint at the last committed batch (<c>Sync:PauseAtApiUsage</c>). The next
    /// run resumes from there. It sits above the client's own slow-down (<c>Salesforce:ApiUsagePauseThreshold</c>), so
    /// the sync first slows, then stops, and never spends the allowance the org's other users need. The default is 0.95.
    /// </summary>
    [Range(0.01, 1.0)]
    public double PauseAtApiUsage { get; init; } = 0.95;

    /// <summary>The overlap as a duration.</summary>
    public TimeSpan Overlap => TimeSpan.FromSeconds(OverlapSeconds);

    /// <summary>Every problem with the options, each naming its key; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            problems.AddRange(results.SelectMany(r => r.MemberNames.Select(m => $"{SectionName}:{m}: {r.ErrorMessage}")));
        }

        if (BatchSize < BulkThreshold)
        {
            problems.Add($"{SectionName}:BatchSize ({BatchSize}) must be at least {SectionName}:BulkThreshold ({BulkThreshold}), or Bulk API 2.0 is never used.");
        }

        return problems;
    }

    /// <summary>Throws one exception that names every bad option.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
    }
}
