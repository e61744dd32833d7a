using Lightbridge.Core.Identity;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>
/// Resolves the company names of the <c>CustomerCompany</c> Account strategy to Account ids: one query per batch for
/// the names already in the org (the oldest Account of a name wins when a rep made two), and a create for each name
/// still missing. Names are compared as Salesforce compares them, ignoring case.
/// </summary>
internal sealed class AccountResolver
{
    private const string AccountObject = "Account";
    private readonly SalesforceClient _salesforce;

    public AccountResolver(SalesforceClient salesforce)
    {
        _salesforce = salesforce;
    }

    /// <summary>The Account id of each name, creating the Accounts that do not exist.</summary>
    public async Task<Dictionary<string, SalesforceId>> ResolveAsync(IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var resolved = new Dictionary<string, SalesforceId>(StringComparer.OrdinalIgnoreCase);
        var wanted = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var chunk in wanted.Chunk(CurrentValuesReader.ChunkSize))
        {
            var soql = $"SELECT Id, Name FROM {AccountObject} WHERE Name IN {Soql.InList(chunk)} ORDER BY CreatedDate";
            await foreach (var record in _salesforce.QueryAsync(soql, ct).ConfigureAwait(false))
            {
                if (IdentityEntryFactory.Text(record, "Name") is { } name && SalesforceId.TryParse(IdentityEntryFactory.Text(record, "Id"), out var id))
                {
                    resolved.TryAdd(name.Trim(), id);
                }
            }
        }

        foreach (var name in wanted.Where(n => !resolved.ContainsKey(n)))
        {
            var id = await _salesforce.CreateAsync(AccountObject, new Dictionary<string, object?> { ["Name"] = name }, ct).ConfigureAwait(false);
            resolved[name] = SalesforceId.Parse(id);
        }

        return resolved;
    }
}
