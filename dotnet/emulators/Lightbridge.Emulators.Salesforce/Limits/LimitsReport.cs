using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Limits;

/// <summary>The body of <c>GET /limits</c>: each limit name mapped to <c>{"Max","Remaining"}</c> (reference section 2.7).</summary>
internal static class LimitsReport
{
    public static JsonObject Build(ApiUsageCounter usage, int bulkBatchLimit, int bulkBatchesUsed)
    {
        static JsonObject Entry(long max, long remaining) => new() { ["Max"] = max, ["Remaining"] = remaining };
        return new JsonObject
        {
            ["DailyApiRequests"] = Entry(usage.Limit, usage.Remaining),
            ["DailyBulkApiBatches"] = Entry(bulkBatchLimit, Math.Max(0, bulkBatchLimit - bulkBatchesUsed)),
            ["DailyBulkV2QueryFileStorageMB"] = Entry(976_562, 976_562),
            ["DailyBulkV2QueryJobs"] = Entry(10_000, 10_000),
            ["DailyDeliveredPlatformEvents"] = Entry(50_000, 50_000),
            ["DataStorageMB"] = Entry(5, 5),
            ["DurableStreamingApiConcurrentClients"] = Entry(2_000, 2_000),
            ["HourlyPublishedPlatformEvents"] = Entry(250_000, 250_000),
        };
    }
}
