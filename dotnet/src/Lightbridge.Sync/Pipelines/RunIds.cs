using System.Globalization;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Makes run ids (the local run log key, later <c>Lightspeed_Sync_Run__c.Run_Id__c</c>): readable (entity, account,
/// UTC start) and unique even when two runs start in the same second, thanks to a random suffix.
/// </summary>
internal static class RunIds
{
    public static string New(string entity, string accountId, DateTimeOffset startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{entity}-{accountId}-{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..8]}");
}
