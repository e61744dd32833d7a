namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>The real sale statuses the generator and mutations use (reference section 7 lists the full set).</summary>
internal static class SaleStatus
{
    public const string Closed = "CLOSED";
    public const string Voided = "VOIDED";
    public const string Saved = "SAVED";
    public const string Layby = "LAYBY";
    public const string OnAccount = "ONACCOUNT";
    public const string OnAccountClosed = "ONACCOUNT_CLOSED";
}
