using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Pipelines.Prices;

/// <summary>The log events of the standard prices the Opportunity profile keeps (event ids 34xx). Never record values.</summary>
internal static partial class PriceLog
{
    [LoggerMessage(EventId = 3401, EventName = "MiscellaneousProductRefused", Level = LogLevel.Warning,
        Message = "The miscellaneous product's {ObjectName} was refused ({ErrorCode}); misc sale lines fail until a later item batch writes it")]
    public static partial void MiscellaneousRefused(ILogger logger, string objectName, string errorCode);
}
