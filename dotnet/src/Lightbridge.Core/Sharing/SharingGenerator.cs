using System.Xml;
using System.Xml.Linq;

namespace Lightbridge.Core.Sharing;

/// <summary>
/// Plans the store-level sharing folder: one public group per store, one head-office group, and per shared object one
/// sharing-rules file with a criteria rule per store plus the head-office owner rule. Pure: it reads the folder's
/// current files through a callback and returns what to write.
/// </summary>
/// <remarks>
/// <para>
/// Additive and idempotent. A file that exists is never rewritten: a group file is left alone even if the store was
/// renamed (an admin may have edited it, and members live in the org, not in the file), and an existing rules file only
/// gets the rules it lacks, inserted after its last criteria rule while every existing byte stays where it was. So a
/// second run after a new store opens creates that store's group file and adds that store's rule to each rules file,
/// and changes nothing else; a run with nothing new writes nothing.
/// </para>
/// <para>
/// Nothing is ever removed: a store no longer read keeps its group and its rules, because an admin may have filled the
/// group, and closing a store is a decision for the admin, not for a sync.
/// </para>
/// </remarks>
public static class SharingGenerator
{
    private static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    /// <summary>Plans the folder for <paramref name="stores"/>.</summary>
    /// <param name="stores">The stores, in any order; a code seen twice counts once (the first name wins).</param>
    /// <param name="readExisting">The current text of a file by its relative path, or null when it does not exist.</param>
    /// <exception cref="SharingFolderException">A store's code cannot be part of a developer name, an existing rules file is
    /// not well-formed, or an object would get more criteria rules than Salesforce allows.</exception>
    public static SharingPlan Plan(IEnumerable<SharedStore> stores, Func<string, string?> readExisting)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(readExisting);
        var ordered = Distinct(stores);
        var writes = new List<SharingFile>();
        var newCodes = new HashSet<string>(StringComparer.Ordinal);

        AddIfMissing(writes, readExisting, SharingNames.GroupPath(SharingNames.HeadOfficeGroup), SharingXml.HeadOfficeGroup);
        foreach (var store in ordered)
        {
            if (AddIfMissing(writes, readExisting, SharingNames.GroupPath(SharingNames.StoreGroup(store.Code)), () => SharingXml.StoreGroup(store)))
            {
                newCodes.Add(store.Code);
            }
        }

        foreach (var objectName in SharingNames.SharedObjects)
        {
            var path = SharingNames.RulesPath(objectName);
            var label = objectName == Mapping.SalesforceSchema.Sale.ObjectName ? "sales" : "stock";
            var existing = readExisting(path);
            if (existing is null)
            {
                CheckRuleCount(path, ordered.Count);
                writes.Add(new SharingFile(path, SharingXml.RulesFile(ordered.Select(s => SharingXml.StoreRule(s, label))), SharingFileChange.Created));
                newCodes.UnionWith(ordered.Select(s => s.Code));
                continue;
            }

            var present = ExistingRules(path, existing);
            var missing = ordered.Where(s => !present.Criteria.Contains(SharingNames.StoreGroup(s.Code))).ToList();
            CheckRuleCount(path, present.Criteria.Count + missing.Count);
            if (missing.Count == 0 && present.HasHeadOffice)
            {
                continue;
            }

            var extended = InsertRules(existing, string.Concat(missing.Select(s => SharingXml.StoreRule(s, label))), present.HasHeadOffice ? string.Empty : SharingXml.HeadOfficeRule());
            writes.Add(new SharingFile(path, extended, SharingFileChange.Extended));
            newCodes.UnionWith(missing.Select(s => s.Code));
        }

        return new SharingPlan(
            writes,
            ordered.Where(s => newCodes.Contains(s.Code)).ToList(),
            ordered.Where(s => !newCodes.Contains(s.Code)).ToList());
    }

    private static List<SharedStore> Distinct(IEnumerable<SharedStore> stores)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<SharedStore>();
        foreach (var store in stores)
        {
            ArgumentNullException.ThrowIfNull(store);
            if (!SharingNames.IsUsableCode(store.Code))
            {
                throw new SharingFolderException(
                    $"Store '{store.Name}': Store_Code__c '{store.Code}' cannot name a group (letters, digits and single underscores, starting with a letter, at most 20 characters).");
            }

            if (seen.Add(store.Code))
            {
                result.Add(store);
            }
        }

        // New stores are appended in code order, so two runs over the same stores write the same bytes.
        result.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return result;
    }

    private static bool AddIfMissing(List<SharingFile> writes, Func<string, string?> readExisting, string path, Func<string> content)
    {
        if (readExisting(path) is not null)
        {
            return false;
        }

        writes.Add(new SharingFile(path, content(), SharingFileChange.Created));
        return true;
    }

    private static void CheckRuleCount(string path, int count)
    {
        if (count > SharingNames.MaxCriteriaRulesPerObject)
        {
            throw new SharingFolderException(
                $"{path} would hold {count} criteria-based sharing rules; Salesforce allows {SharingNames.MaxCriteriaRulesPerObject} per object, so store-level rules cover at most {SharingNames.MaxCriteriaRulesPerObject} stores.");
        }
    }

    private static (HashSet<string> Criteria, bool HasHeadOffice) ExistingRules(string path, string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (XmlException ex)
        {
            throw new SharingFolderException($"{path} is not well-formed XML ({ex.Message}); fix it or move it away, then run again.", ex);
        }

        if (document.Root is not { } root || root.Name != Ns + "SharingRules")
        {
            throw new SharingFolderException($"{path} is not a SharingRules file; fix it or move it away, then run again.");
        }

        var criteria = root.Elements(Ns + "sharingCriteriaRules")
            .Select(r => r.Element(Ns + "fullName")?.Value.Trim())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var hasHeadOffice = root.Elements(Ns + "sharingOwnerRules")
            .Any(r => r.Element(Ns + "fullName")?.Value.Trim() == SharingNames.HeadOfficeRule);
        return (criteria, hasHeadOffice);
    }

    // Text insertion, not re-serialization: the bytes an admin or an earlier run wrote stay exactly as they were.
    private static string InsertRules(string existing, string criteriaRules, string ownerRule)
    {
        var text = existing;
        if (criteriaRules.Length > 0)
        {
            var at = AfterLineOf(text, text.LastIndexOf("</sharingCriteriaRules>", StringComparison.Ordinal));
            if (at < 0)
            {
                // No criteria rule yet: they come first in the schema, so before any other rule or the end.
                at = LineStart(text, FirstOf(text, "<sharingGuestRules>", "<sharingOwnerRules>", "<sharingTerritoryRules>", "</SharingRules>"));
            }

            text = text.Insert(at, criteriaRules);
        }

        if (ownerRule.Length > 0)
        {
            var ownerEnd = text.LastIndexOf("</sharingOwnerRules>", StringComparison.Ordinal);
            var at = ownerEnd >= 0
                ? AfterLineOf(text, ownerEnd)
                : LineStart(text, FirstOf(text, "<sharingTerritoryRules>", "</SharingRules>"));
            text = text.Insert(at, ownerRule);
        }

        return text;
    }

    private static int FirstOf(string text, params string[] tags)
    {
        var positions = tags.Select(t => text.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).ToList();
        return positions.Count == 0 ? text.Length : positions.Min();
    }

    private static int AfterLineOf(string text, int index)
    {
        if (index < 0)
        {
            return -1;
        }

        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline + 1;
    }

    private static int LineStart(string text, int index)
    {
        var start = index;
        while (start > 0 && text[start - 1] is ' ' or '\t')
        {
            start--;
        }

        return start;
    }
}
