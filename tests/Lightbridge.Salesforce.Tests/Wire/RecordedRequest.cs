namespace Lightbridge.Salesforce.Tests.Wire;

/// <summary>What the loopback server received.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string Authorization,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string>? Form);
