namespace Lightbridge.Bench.Salesforce;

/// <summary>What <c>jsforce-bulk.mjs</c> reported about its load: its own elapsed time, RSS and result counts.</summary>
/// <param name="Rows">Data rows in the CSV it loaded.</param>
/// <param name="ElapsedMs">From the start of <c>loadAndWaitForResults</c> to its results, in milliseconds.</param>
/// <param name="BaselineRss">Resident set size with the CSV in memory, before the load.</param>
/// <param name="PeakRss">The highest resident set size sampled (every 50 ms) during the load.</param>
/// <param name="Successful">Rows in the successful-results file.</param>
/// <param name="Failed">Rows in the failed-results file.</param>
/// <param name="Unprocessed">Rows in the unprocessed-records file.</param>
internal sealed record JsforceOutcome(int Rows, double ElapsedMs, long BaselineRss, long PeakRss, int Successful, int Failed, int Unprocessed);
