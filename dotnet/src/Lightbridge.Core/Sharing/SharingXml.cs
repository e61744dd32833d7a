using System.Text;
using System.Xml.Linq;

namespace Lightbridge.Core.Sharing;

/// <summary>
/// The text of the generated metadata files, in SFDX source format (Metadata API types <c>Group</c> and
/// <c>SharingRules</c>, API 62.0), indented with four spaces and LF line ends like the rest of the package. Elements come
/// in the order the Metadata API schema lists them: criteria rules before owner rules.
/// </summary>
internal static class SharingXml
{
    public const string Header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    public const string RulesOpen = "<SharingRules xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n";
    public const string RulesClose = "</SharingRules>\n";

    public static string StoreGroup(SharedStore store) => Group(
        $"Lightspeed sales and stock of store {Clip(store.Name, 200)} ({store.Code}), shared read-only with this group by the rules lightbridge sharing generate writes. Add the store's users, or its role, as members.",
        Label(store.Name, store.Code, SharingNames.GroupLabelMaxLength));

    public static string HeadOfficeGroup() => Group(
        "Head office: reads every Lightspeed sale and stock row of every store, through the owner-based rule lightbridge sharing generate writes. Add head-office users, or their roles, as members.",
        "Lightspeed Head Office");

    public static string RulesFile(IEnumerable<string> criteriaRules) =>
        Header + RulesOpen + string.Concat(criteriaRules) + HeadOfficeRule() + RulesClose;

    /// <summary>One store's criteria rule: records whose <c>Store_Code__c</c> equals the code, read-only to the store's group.</summary>
    public static string StoreRule(SharedStore store, string objectLabel) =>
        "    <sharingCriteriaRules>\n" +
        Element(2, "fullName", SharingNames.StoreGroup(store.Code)) +
        Element(2, "accessLevel", "Read") +
        Element(2, "description", $"Lightspeed {objectLabel} of store {Clip(store.Name, 200)} ({store.Code}): read-only for the group {SharingNames.StoreGroup(store.Code)}.") +
        Element(2, "label", Label(store.Name, store.Code, SharingNames.RuleLabelMaxLength)) +
        "        <sharedTo>\n" +
        Element(3, "group", SharingNames.StoreGroup(store.Code)) +
        "        </sharedTo>\n" +
        "        <criteriaItems>\n" +
        Element(3, "field", SharingNames.StoreCodeField) +
        Element(3, "operation", "equals") +
        Element(3, "value", store.Code) +
        "        </criteriaItems>\n" +
        // Records are owned by the integration user, who may have no role: include records of every owner.
        Element(2, "includeRecordsOwnedByAll", "true") +
        "    </sharingCriteriaRules>\n";

    /// <summary>
    /// Head office reads everything through an owner-based rule (records owned by any internal user), not a criteria rule:
    /// it matches every record, a code or not, and leaves the 50 criteria rules an object may have to the stores.
    /// </summary>
    public static string HeadOfficeRule() =>
        "    <sharingOwnerRules>\n" +
        Element(2, "fullName", SharingNames.HeadOfficeRule) +
        Element(2, "accessLevel", "Read") +
        Element(2, "description", "Every Lightspeed record, whatever its store, read-only for the head-office group.") +
        Element(2, "label", "Lightspeed Head Office") +
        "        <sharedTo>\n" +
        Element(3, "group", SharingNames.HeadOfficeGroup) +
        "        </sharedTo>\n" +
        "        <sharedFrom>\n" +
        "            <allInternalUsers></allInternalUsers>\n" +
        "        </sharedFrom>\n" +
        "    </sharingOwnerRules>\n";

    private static string Group(string description, string label) =>
        Header +
        "<Group xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
        Element(1, "description", description) +
        // "Grant access using hierarchies": a store manager's managers see what the store's group sees.
        Element(1, "doesIncludeBosses", "true") +
        Element(1, "name", label) +
        "</Group>\n";

    // The store's name, clipped to leave room for its code, which keeps labels of same-named stores apart.
    private static string Label(string name, string code, int maxLength)
    {
        var suffix = $" ({code})";
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return Clip("Store" + suffix, maxLength);
        }

        return trimmed.Length + suffix.Length <= maxLength ? trimmed + suffix : Clip(trimmed, maxLength);
    }

    private static string Clip(string text, int maxLength)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength].TrimEnd();
    }

    private static string Element(int depth, string name, string value)
    {
        var text = new StringBuilder();
        text.Append(' ', depth * 4).Append('<').Append(name).Append('>');
        text.Append(new XText(value).ToString());
        text.Append("</").Append(name).Append(">\n");
        return text.ToString();
    }
}
