namespace Lightbridge.Emulators.Lightspeed.Endpoints;

/// <summary>
/// A parsed API path: <c>/API/V3/Account.json</c>, <c>/API/V3/Account/{id}.json</c>,
/// <c>/API/V3/Account/{id}/{Entity}.json</c> or <c>/API/V3/Account/{id}/{Entity}/{n}.json</c>.
/// </summary>
internal sealed record ApiRoute(ApiRouteKind Kind, string? AccountId, string? Entity, int? Id, bool Json)
{
    private const string Prefix = "/API/V3/";

    /// <summary>The counters key: the entity name, <c>Account</c>, or <c>unknown</c>.</summary>
    public string CounterKey => Entity ?? (Kind is ApiRouteKind.AccountList or ApiRouteKind.AccountSingle ? "Account" : "unknown");

    public static ApiRoute Parse(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new ApiRoute(ApiRouteKind.Unknown, null, null, null, false);
        }

        var rest = path[Prefix.Length..];
        var json = rest.EndsWith(".json", StringComparison.Ordinal);
        if (json)
        {
            rest = rest[..^5];
        }

        var parts = rest.Split('/');
        if (parts.Length == 0 || parts[0] != "Account")
        {
            return new ApiRoute(ApiRouteKind.Unknown, null, null, null, json);
        }

        return parts.Length switch
        {
            1 => new ApiRoute(ApiRouteKind.AccountList, null, null, null, json),
            2 => new ApiRoute(ApiRouteKind.AccountSingle, parts[1], null, null, json),
            3 => new ApiRoute(ApiRouteKind.EntityList, parts[1], parts[2], null, json),
            4 when int.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                => new ApiRoute(ApiRouteKind.EntitySingle, parts[1], parts[2], id, json),
            _ => new ApiRoute(ApiRouteKind.Unknown, parts[1], parts.Length > 2 ? parts[2] : null, null, json),
        };
    }
}
