using System.Globalization;
using System.Xml.Linq;
using Lightbridge.Emulators.Salesforce.Formulas;

namespace Lightbridge.Emulators.Salesforce.Schema;

/// <summary>
/// Reads an SFDX source package (reference section 4.2 and 4.3): objects/&lt;Object&gt;/&lt;Object&gt;.object-meta.xml,
/// fields/*.field-meta.xml, validationRules/*.validationRule-meta.xml and customMetadata/*.md-meta.xml.
/// Components the emulator does not model (tabs, list views, flows, permission sets) are ignored.
/// </summary>
internal static class MetadataLoader
{
    private static readonly XNamespace Md = "http://soap.sforce.com/2006/04/metadata";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Builds the schema: standard objects first, then the package at <paramref name="packagePath"/> (null: none).</summary>
    public static OrgSchema Load(string? packagePath)
    {
        var schema = new OrgSchema();
        StandardObjects.AddTo(schema);
        if (string.IsNullOrEmpty(packagePath))
        {
            return schema;
        }

        if (!Directory.Exists(packagePath))
        {
            throw new DirectoryNotFoundException($"Salesforce metadata folder not found: {packagePath}");
        }

        var root = FindSourceRoot(packagePath);
        var objectsDir = Path.Combine(root, "objects");
        if (Directory.Exists(objectsDir))
        {
            // Objects first, then fields: a roll-up on one object names a child object defined in another folder.
            var folders = Directory.GetDirectories(objectsDir).Order(StringComparer.Ordinal).ToArray();
            foreach (var folder in folders)
            {
                LoadObject(schema, folder);
            }

            foreach (var folder in folders)
            {
                LoadFields(schema, folder);
            }
        }

        var mdDir = Path.Combine(root, "customMetadata");
        if (Directory.Exists(mdDir))
        {
            foreach (var file in Directory.GetFiles(mdDir, "*.md-meta.xml").Order(StringComparer.Ordinal))
            {
                LoadCustomMetadataRecord(schema, file);
            }
        }

        return schema;
    }

    private static string FindSourceRoot(string packagePath)
    {
        foreach (var candidate in new[] { Path.Combine(packagePath, "main", "default"), packagePath })
        {
            if (Directory.Exists(Path.Combine(candidate, "objects")) || Directory.Exists(Path.Combine(candidate, "customMetadata")))
            {
                return candidate;
            }
        }

        var nested = Directory.EnumerateDirectories(packagePath, "objects", SearchOption.AllDirectories).FirstOrDefault();
        return nested is null ? packagePath : Path.GetDirectoryName(nested)!;
    }

    private static void LoadObject(OrgSchema schema, string folder)
    {
        var name = Path.GetFileName(folder);
        var kind = name.EndsWith("__e", StringComparison.OrdinalIgnoreCase) ? ObjectKind.PlatformEvent
            : name.EndsWith("__mdt", StringComparison.OrdinalIgnoreCase) ? ObjectKind.CustomMetadata
            : name.EndsWith("__c", StringComparison.OrdinalIgnoreCase) ? ObjectKind.Custom
            : ObjectKind.Standard;
        if (kind == ObjectKind.Standard && schema.Find(name) is null)
        {
            // A standard object we have no built-in definition for: model it with its system fields only.
            schema.GetOrAdd(name, ObjectKind.Custom);
        }

        var definition = schema.GetOrAdd(name, kind);
        var file = Path.Combine(folder, name + ".object-meta.xml");
        if (!File.Exists(file))
        {
            return;
        }

        var doc = XDocument.Load(file);
        var label = Child(doc.Root!, "label");
        if (label is not null)
        {
            definition.Label = label;
        }

        var nameField = doc.Root!.Element(Md + "nameField");
        if (nameField is not null && kind == ObjectKind.Custom)
        {
            var isAuto = string.Equals(Child(nameField, "type"), "AutoNumber", StringComparison.OrdinalIgnoreCase);
            definition.AddField(new FieldDefinition
            {
                Name = "Name",
                Type = isAuto ? FieldType.AutoNumber : FieldType.Text,
                Label = Child(nameField, "label") ?? "Name",
                Length = 80,
                ReadOnly = isAuto,
                DisplayFormat = isAuto ? Child(nameField, "displayFormat") : null,
            });
        }
    }

    private static void LoadFields(OrgSchema schema, string folder)
    {
        var definition = schema.Find(Path.GetFileName(folder))!;
        var fieldsDir = Path.Combine(folder, "fields");
        if (Directory.Exists(fieldsDir))
        {
            foreach (var file in Directory.GetFiles(fieldsDir, "*.field-meta.xml").Order(StringComparer.Ordinal))
            {
                definition.AddField(ParseField(XDocument.Load(file).Root!, file));
            }
        }

        var rulesDir = Path.Combine(folder, "validationRules");
        if (Directory.Exists(rulesDir))
        {
            foreach (var file in Directory.GetFiles(rulesDir, "*.validationRule-meta.xml").Order(StringComparer.Ordinal))
            {
                definition.AddValidationRule(ParseRule(XDocument.Load(file).Root!, file));
            }
        }
    }

    private static FieldDefinition ParseField(XElement root, string file)
    {
        var name = Child(root, "fullName") ?? Path.GetFileName(file).Replace(".field-meta.xml", "", StringComparison.Ordinal);
        var typeText = Child(root, "type") ?? throw new InvalidDataException($"{file}: a field needs <type>");
        if (!Enum.TryParse<FieldType>(typeText, ignoreCase: true, out var type) || type is FieldType.Id)
        {
            // Types the emulator does not model in detail (Html, EncryptedText, MultiselectPicklist, Formula...) behave as text.
            type = FieldType.Text;
        }

        var valueSet = root.Element(Md + "valueSet");
        var values = valueSet?.Descendants(Md + "value").ToList() ?? [];
        var defaultPick = values.FirstOrDefault(v => Bool(v, "default"));
        object? defaultValue = type switch
        {
            FieldType.Checkbox => Bool(root, "defaultValue"),
            FieldType.Picklist => defaultPick is null ? null : Child(defaultPick, "fullName"),
            _ => null,
        };

        return new FieldDefinition
        {
            Name = name,
            Type = type,
            Label = Child(root, "label") ?? name,
            Length = Int(root, "length") ?? type switch
            {
                FieldType.Email => 80,
                FieldType.Phone => 40,
                FieldType.Url => 255,
                FieldType.TextArea => 255,
                FieldType.Picklist => 255,
                FieldType.LongTextArea => 32768,
                _ => 0,
            },
            Precision = Int(root, "precision") ?? (type.IsNumeric() ? 18 : 0),
            Scale = Int(root, "scale") ?? 0,
            // A master-detail field is always required (reference section 4.4) even though its XML has no <required>.
            Required = Bool(root, "required") || type == FieldType.MasterDetail,
            Unique = Bool(root, "unique"),
            ExternalId = Bool(root, "externalId"),
            CaseSensitive = Bool(root, "caseSensitive"),
            ReadOnly = type is FieldType.Summary or FieldType.AutoNumber,
            ReferenceTo = Child(root, "referenceTo"),
            // The parent relationship (Store__r.Name in SOQL, "Store__r": {...} in a body) is the field name with __r;
            // the XML relationshipName names the child relationship seen from the parent.
            RelationshipName = type is FieldType.Lookup or FieldType.MasterDetail
                ? (name.EndsWith("__c", StringComparison.OrdinalIgnoreCase) ? name[..^1] + "r" : Child(root, "relationshipName"))
                : null,
            ChildRelationshipName = Child(root, "relationshipName"),
            PicklistValues = values.Select(v => Child(v, "fullName") ?? "").Where(v => v.Length > 0).ToArray(),
            RestrictedPicklist = valueSet is not null && Bool(valueSet, "restricted"),
            DefaultValue = defaultValue,
            Summary = type == FieldType.Summary ? ParseSummary(root, file) : null,
            DisplayFormat = Child(root, "displayFormat"),
        };
    }

    private static SummaryDefinition ParseSummary(XElement root, string file)
    {
        var foreignKey = Child(root, "summaryForeignKey") ?? throw new InvalidDataException($"{file}: a Summary field needs <summaryForeignKey>");
        var (childObject, fkField) = SplitQualified(foreignKey, file);
        var summarized = Child(root, "summarizedField");
        var filters = root.Elements(Md + "summaryFilterItems")
            .Select(f => new SummaryFilter(SplitQualified(Child(f, "field") ?? "", file).Field, Child(f, "operation") ?? "equals", Child(f, "value") ?? ""))
            .ToArray();
        return new SummaryDefinition(
            (Child(root, "summaryOperation") ?? "count").ToLowerInvariant(),
            childObject,
            fkField,
            summarized is null ? null : SplitQualified(summarized, file).Field,
            filters);
    }

    private static (string Object, string Field) SplitQualified(string value, string file)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? (value[..dot], value[(dot + 1)..]) : throw new InvalidDataException($"{file}: expected Object.Field, got '{value}'");
    }

    private static ValidationRuleDefinition ParseRule(XElement root, string file)
    {
        var name = Child(root, "fullName") ?? Path.GetFileName(file).Replace(".validationRule-meta.xml", "", StringComparison.Ordinal);
        var formula = Child(root, "errorConditionFormula") ?? "false";
        FormulaNode condition;
        try
        {
            condition = FormulaParser.Parse(formula);
        }
        catch (FormulaException ex)
        {
            throw new InvalidDataException($"{file}: {ex.Message}", ex);
        }

        return new ValidationRuleDefinition(name, Bool(root, "active"), condition, Child(root, "errorMessage") ?? name, Child(root, "errorDisplayField"));
    }

    private static void LoadCustomMetadataRecord(OrgSchema schema, string file)
    {
        // File names are <Type>.<DeveloperName>.md-meta.xml, the type without its __mdt suffix.
        var baseName = Path.GetFileName(file).Replace(".md-meta.xml", "", StringComparison.Ordinal);
        var dot = baseName.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return;
        }

        var typeName = baseName[..dot] + "__mdt";
        var developerName = baseName[(dot + 1)..];
        var root = XDocument.Load(file).Root!;
        var label = Child(root, "label") ?? developerName;
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DeveloperName"] = developerName,
            ["MasterLabel"] = label,
            ["Label"] = label,
            ["QualifiedApiName"] = developerName,
        };
        foreach (var item in root.Elements(Md + "values"))
        {
            var field = Child(item, "field");
            var valueElement = item.Element(Md + "value");
            if (field is null)
            {
                continue;
            }

            var nil = valueElement is null || string.Equals((string?)valueElement.Attribute(Xsi + "nil"), "true", StringComparison.Ordinal);
            values[field] = nil ? null : TypedValue(valueElement!);
        }

        schema.CustomMetadataRecords.Add((typeName, values));
    }

    private static object? TypedValue(XElement value)
    {
        var xsiType = (string?)value.Attribute(Xsi + "type") ?? "";
        var text = value.Value;
        if (xsiType.EndsWith("boolean", StringComparison.Ordinal))
        {
            return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
        }

        if ((xsiType.EndsWith("double", StringComparison.Ordinal) || xsiType.EndsWith("int", StringComparison.Ordinal))
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return text;
    }

    private static string? Child(XElement element, string name) => element.Element(Md + name)?.Value.Trim();

    private static bool Bool(XElement element, string name) => string.Equals(Child(element, name), "true", StringComparison.OrdinalIgnoreCase);

    private static int? Int(XElement element, string name) =>
        int.TryParse(Child(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
