namespace Lightbridge.Lightspeed.Http;

/// <summary>The API paths: <c>/API/V3/Account/{accountID}/{Entity}[/{id}].json</c> (shared/reference/lightspeed-api.md §2).</summary>
internal sealed class LightspeedRoutes
{
    private readonly Uri _baseUrl;
    private readonly string _accountPath;

    public LightspeedRoutes(Uri baseUrl, string accountId)
    {
        _baseUrl = baseUrl;
        _accountPath = "/API/V3/Account/" + Uri.EscapeDataString(accountId);
    }

    public Uri Accounts() => Build("/API/V3/Account.json", null);

    public Uri List(string entity, LightspeedQuery? query) => Build($"{_accountPath}/{Segment(entity)}.json", query);

    public Uri Record(string entity, string id, LightspeedQuery? query) =>
        Build($"{_accountPath}/{Segment(entity)}/{Uri.EscapeDataString(id)}.json", query);

    private Uri Build(string path, LightspeedQuery? query)
    {
        var queryString = query?.ToQueryString();
        var relative = string.IsNullOrEmpty(queryString) ? path : path + "?" + queryString;
        return new Uri(_baseUrl, relative);
    }

    private static string Segment(string entity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        if (entity.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            throw new ArgumentException($"An entity name is letters and digits only: {entity}", nameof(entity));
        }

        return entity;
    }
}
