namespace Lightbridge.Metadata.Tests.Rules;

/// <summary>
/// The child elements the Metadata API knows, per element path of each type this package uses
/// ("CustomField/valueSet"). An element missing from the table must be a leaf. Names come from the
/// Metadata API reference (shared/reference/salesforce-api.md §4.3); the lists hold what we use plus
/// the common siblings an admin might add, not every element the API has.
/// </summary>
internal static class KnownElements
{
    private static readonly string[] FlowValue = ["stringValue", "elementReference", "booleanValue", "numberValue", "dateTimeValue", "dateValue"];
    private static readonly string[] FlowConnector = ["targetReference", "isGoTo"];
    private static readonly string[] FlowNode = ["name", "label", "description", "locationX", "locationY"];
    private static readonly string[] SharedTo = ["allInternalUsers", "allPartnerUsers", "group", "role", "roleAndSubordinates", "roleAndSubordinatesInternal"];

    public static readonly IReadOnlyDictionary<string, HashSet<string>> Children = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
    {
        ["CustomObject"] = Set(
            "actionOverrides", "allowInChatterGroups", "compactLayoutAssignment", "compactLayouts", "customHelpPage", "deploymentStatus",
            "description", "enableActivities", "enableBulkApi", "enableEnhancedLookup", "enableFeeds", "enableHistory", "enableLicensing",
            "enableReports", "enableSearch", "enableSharing", "enableStreamingApi", "eventType", "externalSharingModel", "label",
            "nameField", "pluralLabel", "publishBehavior", "recordTypeTrackFeedHistory", "recordTypeTrackHistory", "searchLayouts",
            "sharingModel", "startsWith", "visibility"),
        ["CustomObject/nameField"] = Set("displayFormat", "label", "trackFeedHistory", "trackHistory", "type"),
        ["CustomObject/searchLayouts"] = Set("customTabListAdditionalFields", "lookupDialogsAdditionalFields", "searchResultsAdditionalFields"),
        ["CustomObject/actionOverrides"] = Set("actionName", "comment", "content", "formFactor", "skipRecordTypeSelect", "type"),

        ["CustomField"] = Set(
            "fullName", "caseSensitive", "defaultValue", "deleteConstraint", "description", "displayFormat", "externalId",
            "fieldManageability", "formula", "formulaTreatBlanksAs", "inlineHelpText", "isFilteringDisabled", "isNameField",
            "isSortingDisabled", "label", "length", "lookupFilter", "precision", "referenceTo", "relationshipLabel",
            "relationshipName", "relationshipOrder", "reparentableMasterDetail", "required", "scale", "securityClassification",
            "summarizedField", "summaryFilterItems", "summaryForeignKey", "summaryOperation", "trackFeedHistory", "trackHistory",
            "trackTrending", "type", "unique", "valueSet", "visibleLines", "writeRequiresMasterRead"),
        ["CustomField/valueSet"] = Set("controllingField", "restricted", "valueSetDefinition", "valueSetName"),
        ["CustomField/valueSet/valueSetDefinition"] = Set("sorted", "value"),
        ["CustomField/valueSet/valueSetDefinition/value"] = Set("color", "default", "description", "fullName", "isActive", "label"),
        ["CustomField/summaryFilterItems"] = Set("field", "operation", "value", "valueField"),
        ["CustomField/lookupFilter"] = Set("active", "booleanFilter", "errorMessage", "filterItems", "infoMessage", "isOptional"),
        ["CustomField/lookupFilter/filterItems"] = Set("field", "operation", "value", "valueField"),

        ["ListView"] = Set("fullName", "booleanFilter", "columns", "filterScope", "filters", "label", "language", "sharedTo"),
        ["ListView/filters"] = Set("field", "operation", "value"),
        ["ListView/sharedTo"] = Set("allInternalUsers", "group", "role", "roleAndSubordinates"),

        ["ValidationRule"] = Set("fullName", "active", "description", "errorConditionFormula", "errorDisplayField", "errorMessage"),

        ["CompactLayout"] = Set("fullName", "fields", "label"),

        ["PermissionSet"] = Set(
            "applicationVisibilities", "classAccesses", "customMetadataTypeAccesses", "customPermissions", "customSettingAccesses",
            "description", "fieldPermissions", "flowAccesses", "hasActivationRequired", "label", "license", "objectPermissions",
            "pageAccesses", "recordTypeVisibilities", "tabSettings", "userPermissions"),
        ["PermissionSet/fieldPermissions"] = Set("editable", "field", "readable"),
        ["PermissionSet/objectPermissions"] = Set(
            "allowCreate", "allowDelete", "allowEdit", "allowRead", "modifyAllRecords", "object", "viewAllFields", "viewAllRecords"),
        ["PermissionSet/tabSettings"] = Set("tab", "visibility"),
        ["PermissionSet/userPermissions"] = Set("enabled", "name"),
        ["PermissionSet/customMetadataTypeAccesses"] = Set("enabled", "name"),
        ["PermissionSet/flowAccesses"] = Set("enabled", "flow"),
        ["PermissionSet/classAccesses"] = Set("apexClass", "enabled"),
        ["PermissionSet/applicationVisibilities"] = Set("application", "visible"),

        ["CustomMetadata"] = Set("description", "label", "protected", "values"),
        ["CustomMetadata/values"] = Set("field", "value"),

        ["CustomTab"] = Set("customObject", "description", "mobileReady", "motif"),

        ["Layout"] = Set(
            "customButtons", "excludeButtons", "headers", "layoutSections", "miniLayout", "platformActionList", "quickActionList",
            "relatedLists", "showEmailCheckbox", "showHighlightsPanel", "showInteractionLogPanel", "showRunAssignmentRulesCheckbox",
            "showSubmitAndAttachButton", "summaryLayout"),
        ["Layout/layoutSections"] = Set("customLabel", "detailHeading", "editHeading", "label", "layoutColumns", "style"),
        ["Layout/layoutSections/layoutColumns"] = Set("layoutItems", "reserved"),
        ["Layout/layoutSections/layoutColumns/layoutItems"] = Set("behavior", "emptySpace", "field", "height", "width"),
        ["Layout/platformActionList"] = Set("actionListContext", "platformActionListItems", "relatedSourceEntity"),
        ["Layout/platformActionList/platformActionListItems"] = Set("actionName", "actionType", "sortOrder", "subtype"),
        ["Layout/relatedLists"] = Set("customButtons", "excludeButtons", "fields", "relatedList", "sortField", "sortOrder"),

        ["QuickAction"] = Set(
            "actionSubtype", "canvas", "description", "fieldOverrides", "flowDefinition", "height", "icon", "label",
            "lightningComponent", "optionsCreateFeedItem", "quickActionLayout", "standardLabel", "successMessage",
            "targetObject", "targetParentField", "targetRecordType", "type", "width"),
        ["QuickAction/fieldOverrides"] = Set("field", "formula", "literalValue"),
        ["QuickAction/quickActionLayout"] = Set("layoutSectionStyle", "quickActionLayoutColumns"),
        ["QuickAction/quickActionLayout/quickActionLayoutColumns"] = Set("quickActionLayoutItems"),
        ["QuickAction/quickActionLayout/quickActionLayoutColumns/quickActionLayoutItems"] = Set("emptySpace", "field", "uiBehavior"),

        ["Group"] = Set("fullName", "description", "doesIncludeBosses", "name"),

        ["SharingRules"] = Set("sharingCriteriaRules", "sharingGuestRules", "sharingOwnerRules", "sharingTerritoryRules"),
        ["SharingRules/sharingCriteriaRules"] = Set(
            "fullName", "accessLevel", "accountSettings", "booleanFilter", "criteriaItems", "description", "includeHVUOwnedRecords",
            "includeRecordsOwnedByAll", "label", "sharedTo"),
        ["SharingRules/sharingCriteriaRules/criteriaItems"] = Set("field", "operation", "value", "valueField"),
        ["SharingRules/sharingCriteriaRules/sharedTo"] = Set(SharedTo),
        ["SharingRules/sharingOwnerRules"] = Set("fullName", "accessLevel", "accountSettings", "description", "label", "sharedFrom", "sharedTo"),
        ["SharingRules/sharingOwnerRules/sharedTo"] = Set(SharedTo),
        ["SharingRules/sharingOwnerRules/sharedFrom"] = Set(SharedTo),

        ["Flow"] = Set(
            "apiVersion", "assignments", "choices", "decisions", "description", "environments", "formulas", "interviewLabel",
            "label", "processMetadataValues", "processType", "recordCreates", "recordLookups", "recordUpdates", "runInMode",
            "screens", "start", "status", "subflows", "textTemplates", "variables"),
        ["Flow/assignments"] = Set([.. FlowNode, "assignmentItems", "connector"]),
        ["Flow/assignments/assignmentItems"] = Set("assignToReference", "operator", "value"),
        ["Flow/assignments/assignmentItems/value"] = Set(FlowValue),
        ["Flow/assignments/connector"] = Set(FlowConnector),
        ["Flow/decisions"] = Set([.. FlowNode, "defaultConnector", "defaultConnectorLabel", "rules"]),
        ["Flow/decisions/defaultConnector"] = Set(FlowConnector),
        ["Flow/decisions/rules"] = Set("name", "conditionLogic", "conditions", "connector", "doesRequireRecordChangedToMeetCriteria", "label"),
        ["Flow/decisions/rules/conditions"] = Set("leftValueReference", "operator", "rightValue"),
        ["Flow/decisions/rules/conditions/rightValue"] = Set(FlowValue),
        ["Flow/decisions/rules/connector"] = Set(FlowConnector),
        ["Flow/recordCreates"] = Set([.. FlowNode, "assignRecordIdToReference", "connector", "faultConnector", "inputAssignments", "inputReference", "object", "storeOutputAutomatically"]),
        ["Flow/recordCreates/connector"] = Set(FlowConnector),
        ["Flow/recordCreates/faultConnector"] = Set(FlowConnector),
        ["Flow/recordCreates/inputAssignments"] = Set("field", "value"),
        ["Flow/recordCreates/inputAssignments/value"] = Set(FlowValue),
        ["Flow/recordLookups"] = Set([.. FlowNode, "assignNullValuesIfNoRecordsFound", "connector", "faultConnector", "filterLogic", "filters", "getFirstRecordOnly", "object", "queriedFields", "sortField", "sortOrder", "storeOutputAutomatically"]),
        ["Flow/recordLookups/connector"] = Set(FlowConnector),
        ["Flow/recordLookups/faultConnector"] = Set(FlowConnector),
        ["Flow/recordLookups/filters"] = Set("field", "operator", "value"),
        ["Flow/recordLookups/filters/value"] = Set(FlowValue),
        ["Flow/screens"] = Set([.. FlowNode, "allowBack", "allowFinish", "allowPause", "connector", "fields", "showFooter", "showHeader"]),
        ["Flow/screens/connector"] = Set(FlowConnector),
        ["Flow/screens/fields"] = Set("name", "dataType", "defaultValue", "fieldText", "fieldType", "helpText", "inputsOnNextNavToAssocScrn", "isRequired", "storeOutputAutomatically"),
        ["Flow/screens/fields/defaultValue"] = Set(FlowValue),
        ["Flow/start"] = Set("locationX", "locationY", "connector", "filterLogic", "filters", "object", "recordTriggerType", "triggerType"),
        ["Flow/start/connector"] = Set(FlowConnector),
        ["Flow/variables"] = Set("name", "dataType", "description", "isCollection", "isInput", "isOutput", "objectType", "value"),
        ["Flow/variables/value"] = Set(FlowValue),
    };

    /// <summary>Field types the Metadata API knows (CustomField.type).</summary>
    public static readonly HashSet<string> FieldTypes = Set(
        "AutoNumber", "Checkbox", "Currency", "Date", "DateTime", "Email", "EncryptedText", "ExternalLookup", "Html",
        "IndirectLookup", "Location", "LongTextArea", "Lookup", "MasterDetail", "MetadataRelationship", "MultiselectPicklist",
        "Number", "Percent", "Phone", "Picklist", "Summary", "Text", "TextArea", "Time", "Url");

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
