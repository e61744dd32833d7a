using System.Text.Json;

namespace Lightbridge.Salesforce;

/// <summary>
/// The answer to a Composite call, <c>{"compositeResponse":[…]}</c>, always HTTP 200 whatever the subrequests
/// did (shared/reference/salesforce-api.md §2.5): check each <see cref="CompositeSubresponse.IsSuccess"/>.
/// </summary>
/// <param name="Subresponses">One entry per subrequest, in request order.</param>
public sealed record CompositeResponse(IReadOnlyList<CompositeSubresponse> Subresponses)
{
    /// <summary>The entry for a reference id.</summary>
    /// <exception cref="KeyNotFoundException">No subrequest had that reference id.</exception>
    public CompositeSubresponse this[string referenceId] =>
        Subresponses.FirstOrDefault(s => string.Equals(s.ReferenceId, referenceId, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"The Composite response has no subresponse '{referenceId}'.");

    /// <summary>Parses a Composite response body.</summary>
    /// <exception cref="SalesforceApiException">The body is not a Composite response.</exception>
    public static CompositeResponse Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("compositeResponse", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new SalesforceApiException("Salesforce returned a Composite response without 'compositeResponse'.");
            }

            var list = new List<CompositeSubresponse>();
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new SalesforceApiException("Salesforce returned a Composite subresponse that is not a JSON object.");
                }

                var referenceId = entry.TryGetProperty("referenceId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty;
                var status = entry.TryGetProperty("httpStatusCode", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
                var subBody = entry.TryGetProperty("body", out var b) ? b.Clone() : default;
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (entry.TryGetProperty("httpHeaders", out var h) && h.ValueKind == JsonValueKind.Object)
                {
                    foreach (var header in h.EnumerateObject())
                    {
                        headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
                    }
                }

                list.Add(new CompositeSubresponse(referenceId, status, subBody, headers));
            }

            return new CompositeResponse(list);
        }
        catch (JsonException ex)
        {
            throw new SalesforceApiException("Salesforce returned a Composite response that is not JSON.", ex);
        }
    }
}
