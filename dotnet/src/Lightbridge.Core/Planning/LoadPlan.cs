namespace Lightbridge.Core.Planning;

/// <summary>What <see cref="LoadPathPlanner"/> decided for one batch.</summary>
/// <param name="Path">The API to use.</param>
/// <param name="RecordCount">The records in the batch.</param>
/// <param name="Calls">
/// The API calls the load costs at least: one per 200 records for Collections; for Bulk the five calls of one job
/// (create, upload, close, poll, results), more when it polls longer.
/// </param>
public sealed record LoadPlan(LoadPath Path, int RecordCount, int Calls);
