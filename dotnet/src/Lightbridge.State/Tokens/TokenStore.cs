using LiteDB;

namespace Lightbridge.State;

/// <summary>
/// Persists the Lightspeed token pair in the state file (the Sync layer adapts it to the client's token-store
/// interface). One document per key, replaced whole, so access and refresh token always change together.
/// </summary>
/// <remarks>
/// The file is encrypted only when <c>State:Password</c> is set; without it the tokens are readable by anyone
/// who can read the file, so protect it with file permissions at least.
/// </remarks>
public sealed class TokenStore
{
    /// <summary>The key of the configured Lightspeed account's pair.</summary>
    public const string DefaultKey = "lightspeed";

    private readonly StateDatabase _db;
    private readonly string _key;

    internal TokenStore(StateDatabase db, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _db = db;
        _key = key;
    }

    private ILiteCollection<BsonDocument> Collection => _db.Collection(CollectionNames.Tokens);

    /// <summary>Returns the stored pair, or null when none was stored.</summary>
    public ValueTask<StoredTokenSet?> LoadAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Load());
    }

    /// <summary>Durably replaces the stored pair: when this returns, a crash cannot lose it.</summary>
    public ValueTask SaveAsync(StoredTokenSet tokens, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokens.RefreshToken);
        ct.ThrowIfCancellationRequested();
        Collection.Upsert(ToDocument(tokens));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Stores a pair made of the configured refresh token only when the store holds none, and returns the pair
    /// in force. After the first rotation the configured token is dead, so it must never replace a stored one.
    /// </summary>
    public ValueTask<StoredTokenSet> SeedAsync(string configuredRefreshToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuredRefreshToken);
        ct.ThrowIfCancellationRequested();
        var current = _db.InTransaction(() =>
        {
            var stored = Load();
            if (stored is not null)
            {
                return stored;
            }

            var seeded = new StoredTokenSet(null, configuredRefreshToken, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
            Collection.Upsert(ToDocument(seeded));
            return seeded;
        });
        return ValueTask.FromResult(current);
    }

    private StoredTokenSet? Load()
    {
        var doc = Collection.FindById(_key);
        return doc is null
            ? null
            : new StoredTokenSet(
                doc["access"].IsNull ? null : doc["access"].AsString,
                doc["refresh"].AsString,
                StateTime.FromTicks(doc["issued"].AsInt64),
                StateTime.FromTicks(doc["expires"].AsInt64));
    }

    private BsonDocument ToDocument(StoredTokenSet tokens) => new()
    {
        ["_id"] = _key,
        ["access"] = tokens.AccessToken is null ? BsonValue.Null : new BsonValue(tokens.AccessToken),
        ["refresh"] = tokens.RefreshToken,
        ["issued"] = StateTime.ToTicks(tokens.IssuedAt),
        ["expires"] = StateTime.ToTicks(tokens.ExpiresAt),
    };
}
