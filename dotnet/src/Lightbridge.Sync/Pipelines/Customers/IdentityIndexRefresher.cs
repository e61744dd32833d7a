using Lightbridge.Salesforce;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// Keeps the identity index in step with the org (DESIGN "Customer matching"): the first time, a full read of every
/// Contact and Lead; after that, only the records whose <c>SystemModstamp</c> is at or after the stored high-water
/// mark minus <see cref="Overlap"/>, so a record saved in the same second as the mark, or committed a moment late, is
/// read again rather than missed. Runs before each customer run; upserting an entry twice is harmless.
/// </summary>
/// <remarks>
/// Reads page through the REST query endpoint (2,000 records a page). A first build of a very large org would be
/// cheaper through a Bulk API 2.0 query, which the Salesforce client does not offer yet; the paged read is correct at
/// any size, only slower. Records deleted in Salesforce stay in the index until a full rebuild; a match on one fails
/// its write with <c>ENTITY_IS_DELETED</c> and goes to the replay queue.
/// </remarks>
internal sealed class IdentityIndexRefresher
{
    /// <summary>How far before the high-water mark an incremental refresh reads.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    private const string ContactFields = "Id, Email, Phone, MobilePhone, Lightspeed_Customer_Id__c, SystemModstamp";
    private const string LeadFields = ContactFields + ", IsConverted, ConvertedContactId";

    private readonly SalesforceClient _salesforce;
    private readonly IdentityIndex _index;
    private readonly IdentityEntryFactory _entries;

    public IdentityIndexRefresher(SalesforceClient salesforce, IdentityIndex index, IdentityEntryFactory entries)
    {
        _salesforce = salesforce;
        _index = index;
        _entries = entries;
    }

    /// <summary>Refreshes Contacts, then Leads; returns how many entries each read wrote.</summary>
    public async Task<IdentityRefreshReport> RefreshAsync(CancellationToken ct)
    {
        var contacts = await RefreshAsync(IdentityObject.Contact, ContactFields, ct).ConfigureAwait(false);
        var leads = await RefreshAsync(IdentityObject.Lead, LeadFields, ct).ConfigureAwait(false);
        return new IdentityRefreshReport(contacts.Written, leads.Written, contacts.Full || leads.Full);
    }

    /// <summary>The SOQL of one refresh (pure): everything when <paramref name="highWater"/> is null, else the overlap on.</summary>
    public static string QueryFor(IdentityObject obj, string fields, DateTimeOffset? highWater)
    {
        var soql = $"SELECT {fields} FROM {obj}";
        if (highWater is { } mark && mark > DateTimeOffset.MinValue + Overlap)
        {
            soql += " WHERE SystemModstamp >= " + Soql.DateTime(mark - Overlap);
        }

        return soql + " ORDER BY SystemModstamp";
    }

    private async Task<(int Written, bool Full)> RefreshAsync(IdentityObject obj, string fields, CancellationToken ct)
    {
        var highWater = _index.HighWaterModstamp(obj);
        var written = 0;
        var chunk = new List<IdentityEntry>();
        await foreach (var record in _salesforce.QueryAsync(QueryFor(obj, fields, highWater), ct).ConfigureAwait(false))
        {
            chunk.Add(_entries.FromQuery(record, obj));
            if (chunk.Count >= 2_000)
            {
                written += _index.Upsert(chunk);
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            written += _index.Upsert(chunk);
        }

        return (written, highWater is null);
    }
}
