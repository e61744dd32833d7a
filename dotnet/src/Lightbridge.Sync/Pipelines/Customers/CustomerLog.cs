using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>The log events of the customer pipeline (event ids 31xx); counts only, never names, emails or phones.</summary>
internal static partial class CustomerLog
{
    [LoggerMessage(EventId = 3101, EventName = "IdentityIndexRefreshed", Level = LogLevel.Information,
        Message = "Identity index refreshed: {Contacts} Contact and {Leads} Lead entries read (full build: {Full})")]
    public static partial void IndexRefreshed(ILogger logger, int contacts, int leads, bool full);
}
