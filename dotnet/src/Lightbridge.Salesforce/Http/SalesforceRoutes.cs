using System.Text.RegularExpressions;

namespace Lightbridge.Salesforce.Http;

/// <summary>
/// Builds the REST paths under <c>/services/data/vXX.X/</c> (shared/reference/salesforce-api.md §2). API names
/// and ids are checked before they go into a path, and external ID values are percent-encoded (§2.3: values
/// holding <c>/</c>, spaces or <c>#</c> must be encoded).
/// </summary>
internal sealed partial class SalesforceRoutes
{
    private const string DataRoot = "/services/data/";

    private readonly string _root;

    public SalesforceRoutes(string versionSegment) => _root = DataRoot + versionSegment + "/";

    public string Query(string soql, bool includeDeleted) =>
        _root + (includeDeleted ? "queryAll" : "query") + "?q=" + Uri.EscapeDataString(soql);

    public string SObject(string sObject) => _root + "sobjects/" + ApiName(sObject, nameof(sObject));

    public string Record(string sObject, string id) => SObject(sObject) + "/" + RecordId(id);

    public string RecordFields(string sObject, string id, IReadOnlyCollection<string> fields) =>
        fields.Count == 0
            ? Record(sObject, id)
            : Record(sObject, id) + "?fields=" + string.Join(',', fields.Select(f => ApiName(f, nameof(fields))));

    public string Upsert(string sObject, string externalIdField, string externalId)
    {
        if (string.IsNullOrEmpty(externalId))
        {
            throw new ArgumentException("An external ID value is required for an upsert.", nameof(externalId));
        }

        return SObject(sObject) + "/" + ApiName(externalIdField, nameof(externalIdField)) + "/" + Uri.EscapeDataString(externalId);
    }

    public string CollectionsUpsert(string sObject, string externalIdField) =>
        _root + "composite/sobjects/" + ApiName(sObject, nameof(sObject)) + "/" + ApiName(externalIdField, nameof(externalIdField));

    public string CollectionsDelete(IReadOnlyCollection<string> ids) =>
        _root + "composite/sobjects?ids=" + string.Join(',', ids.Select(RecordId)) + "&allOrNone=false";

    public string Composite() => _root + "composite";

    public string Limits() => _root + "limits";

    /// <summary>The data path a Composite subrequest URL is relative to, e.g. <c>/services/data/v62.0/</c>.</summary>
    public string Root => _root;

    /// <summary>
    /// Accepts a <c>nextRecordsUrl</c> (<c>/services/data/v62.0/query/01g…-2000</c>, §2.6) only as a path on the
    /// same instance: the session's bearer token must never follow a URL to another host.
    /// </summary>
    public static string NextRecords(string nextRecordsUrl)
    {
        if (!nextRecordsUrl.StartsWith(DataRoot, StringComparison.Ordinal) || nextRecordsUrl.Contains("//", StringComparison.Ordinal))
        {
            throw new SalesforceApiException($"Salesforce returned a nextRecordsUrl that is not a data path: '{nextRecordsUrl}'.");
        }

        return nextRecordsUrl;
    }

    /// <summary>Checks an sObject or field API name (letters, digits, underscores; <c>__c</c>, <c>__r</c>, <c>__e</c>…).</summary>
    public static string ApiName(string name, string parameter) =>
        ApiNamePattern().IsMatch(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a Salesforce API name.", parameter);

    /// <summary>Checks a 15- or 18-character record id.</summary>
    public static string RecordId(string id) =>
        RecordIdPattern().IsMatch(id)
            ? id
            : throw new ArgumentException($"'{id}' is not a 15- or 18-character Salesforce id.", nameof(id));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiNamePattern();

    [GeneratedRegex("^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordIdPattern();
}
