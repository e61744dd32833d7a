namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Reads an <c>sf__Error</c> cell, <c>STATUS_CODE:message:field(s) --</c>, e.g.
/// <c>REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --</c> or
/// <c>INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--</c> (shared/reference/salesforce-api.md §1.5).
/// The message may itself hold colons, so the code ends at the first colon and the fields start after the last.
/// </summary>
internal static class BulkRecordError
{
    public static RecordError Parse(string text)
    {
        var body = text.TrimEnd();
        if (body.EndsWith("--", StringComparison.Ordinal))
        {
            body = body[..^2].TrimEnd();
        }

        var firstColon = body.IndexOf(':', StringComparison.Ordinal);
        if (firstColon <= 0)
        {
            return new RecordError("UNKNOWN", text.Trim(), []);
        }

        var code = body[..firstColon];
        var rest = body[(firstColon + 1)..];
        var lastColon = rest.LastIndexOf(':');
        if (lastColon < 0)
        {
            return new RecordError(code, rest.Trim(), []);
        }

        var fields = rest[(lastColon + 1)..]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new RecordError(code, rest[..lastColon].Trim(), fields);
    }
}
