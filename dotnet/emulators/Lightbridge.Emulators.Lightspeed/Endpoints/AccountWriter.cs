using Lightbridge.Emulators.Lightspeed.Wire;

namespace Lightbridge.Emulators.Lightspeed.Endpoints;

/// <summary><c>/Account.json</c> and <c>/Account/{id}.json</c> (reference section 3, Account).</summary>
internal static class AccountWriter
{
    public const string AccountName = "Lightbridge Demo Retail";

    public static byte[] Write(string accountId, bool detail) => WireJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("@attributes");
        w.Str("count", "1");
        w.WriteEndObject();
        w.WriteStartObject("Account");
        w.Str("accountID", accountId);
        w.Str("name", AccountName);
        if (detail)
        {
            w.Str("status", "active");
            w.Str("employeeCount", "6");
            w.WriteStartObject("defaultCurrency");
            w.Str("code", "CAD");
            w.Str("symbol", "$");
            w.WriteEndObject();
        }

        w.WriteStartObject("link");
        w.WriteStartObject("@attributes");
        w.Str("href", "/API/V3/Account/" + accountId);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
