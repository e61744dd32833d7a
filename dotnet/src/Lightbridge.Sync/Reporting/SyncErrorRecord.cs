using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;
using Lightbridge.State;

namespace Lightbridge.Sync.Reporting;

/// <summary>A replay-queue item as a <c>Lightspeed_Sync_Error__c</c> record.</summary>
internal static class SyncErrorRecord
{
    public const string ObjectName = "Lightspeed_Sync_Error__c";

    public const string KeyField = "Error_Key__c";

    // Field lengths from the package (force-app): longer values are cut, never refused.
    private const int EntityLength = 40;
    private const int LightspeedIdLength = 64;
    private const int ErrorCodeLength = 80;
    private const int MessageLength = 32_768;
    private const int PayloadLength = 131_072;

    /// <summary>
    /// The item's <c>Error_Key__c</c>: entity plus scoped id (<c>Sale:1234-5678</c>), as <see cref="RecordFailure.ErrorKey"/>
    /// makes it; null when the item's ids cannot form an external id (then it is not mirrored at all).
    /// </summary>
    public static string? KeyOf(ReplayItem item) =>
        ScopedId(item) is { } scoped && Enum.TryParse<SyncEntity>(item.Entity, out var entity)
            ? RecordFailure.ErrorKey(entity, scoped)
            : null;

    public static IReadOnlyDictionary<string, object?> Fields(ReplayItem item)
    {
        var scoped = ScopedId(item);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [KeyField] = KeyOf(item) ?? $"{item.Entity}:{item.AccountId}|{item.LightspeedId.Value}",
            ["Entity__c"] = Cut(item.Entity, EntityLength),
            ["Lightspeed_Id__c"] = Cut(scoped?.Value ?? item.LightspeedId.Value, LightspeedIdLength),
            ["Error_Code__c"] = Cut(item.ErrorCode, ErrorCodeLength),
            ["Message__c"] = Cut(item.Field is null ? item.Message : $"{item.Message} (field {item.Field})", MessageLength),
            ["Status__c"] = item.Status.ToString(),
            ["Attempts__c"] = item.Attempts,
            ["First_Seen__c"] = item.FirstSeen,
            ["Last_Seen__c"] = item.LastSeen,
            ["Run_Id__c"] = item.RunId,
            ["Payload__c"] = item.PayloadSnapshot is null ? null : Cut(item.PayloadSnapshot, PayloadLength),
        };
    }

    private static ExternalId? ScopedId(ReplayItem item)
    {
        try
        {
            return new ExternalId(new LightspeedId(item.AccountId), item.LightspeedId);
        }
        catch (ArgumentException)
        {
            // Ids the queue accepted but an external id cannot hold (too long, a separator in the account id).
            return null;
        }
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
