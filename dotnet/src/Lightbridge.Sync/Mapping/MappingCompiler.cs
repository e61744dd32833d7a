using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Normalization;
using Scriban.Syntax;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// Builds the <see cref="CompiledMappings"/> for a run from the shipped mapping file and <see cref="MappingOptions"/>:
/// checks every target field against the known fields, resolves every source path, and parses every Scriban template
/// once. Nothing is parsed per record. Every problem is reported at once, each naming its setting (STYLE G9).
/// </summary>
public sealed class MappingCompiler
{
    private readonly MappingDocument _document;
    private int _templatesParsed;

    /// <summary>Creates a compiler over the shipped <c>default-mapping.json</c>.</summary>
    public MappingCompiler()
        : this(MappingDocumentReader.ReadDefault())
    {
    }

    internal MappingCompiler(MappingDocument document) => _document = document;

    /// <summary>How many templates this compiler has parsed: compilation is the only place templates are parsed.</summary>
    internal int TemplatesParsed => _templatesParsed;

    /// <summary>Compiles the profile <paramref name="options"/> selects, with its overrides.</summary>
    /// <exception cref="MappingConfigurationException">
    /// A template does not parse, a target field or object is unknown, or a source path does not exist; the message lists
    /// every problem, each with its setting (e.g. <c>Mapping:Overrides:Contact:Description</c>).
    /// </exception>
    public CompiledMappings Compile(MappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<(string Setting, string Message)>();
        if (!_document.Profiles.TryGetValue(options.Profile, out var objects))
        {
            throw new MappingConfigurationException($"{MappingOptions.SectionName}:Profile", $"the mapping file has no profile {options.Profile}.");
        }

        var overrides = MappingOverrides.Read(options, objects, errors);
        var compiled = objects.ToDictionary(o => o.ObjectName, o => CompileObject(o, overrides.GetValueOrDefault(o.ObjectName) ?? [], errors), StringComparer.Ordinal);
        if (errors.Count > 0)
        {
            throw new MappingConfigurationException(
                errors[0].Setting,
                errors.Count == 1 ? errors[0].Message : string.Join(Environment.NewLine, errors.Select((e, i) => i == 0 ? e.Message : $"{e.Setting}: {e.Message}")));
        }

        return Assemble(options.Profile, objects, compiled);
    }

    private object? CompileObject(ObjectSpec spec, List<FieldSpec> overrides, List<(string, string)> errors) => spec.Source switch
    {
        "shop" => CompileObject(spec, SourceCatalogs.Shop, overrides, errors),
        "item" => CompileObject(spec, SourceCatalogs.Item, overrides, errors),
        "inventory" => CompileObject(spec, SourceCatalogs.Inventory, overrides, errors),
        "customer" => CompileObject(spec, SourceCatalogs.Customer, overrides, errors),
        "sale" => CompileObject(spec, SourceCatalogs.Sale, overrides, errors),
        "line" => CompileObject(spec, SourceCatalogs.Line, overrides, errors),
        "payment" => CompileObject(spec, SourceCatalogs.Payment, overrides, errors),
        _ => Error(errors, $"{spec.Setting}:source", $"unknown source {spec.Source} (known: shop, item, inventory, customer, sale, line, payment)."),
    };

    private ObjectMapping<TSource>? CompileObject<TSource>(ObjectSpec spec, SourceCatalog<TSource> catalog, List<FieldSpec> overrides, List<(string, string)> errors)
        where TSource : class
    {
        var errorCount = errors.Count;
        if (TargetFieldCatalog.FindObject(spec.ObjectName) is null)
        {
            return Error<ObjectMapping<TSource>>(errors, spec.Setting, $"unknown object {spec.ObjectName}.");
        }

        var externalIdField = TargetFieldCatalog.FindField(spec.ObjectName, spec.ExternalIdField);
        if (externalIdField is not { IsExternalId: true })
        {
            Error(errors, $"{spec.Setting}:externalId:field", $"{spec.ExternalIdField} is not an external-id field of {spec.ObjectName}.");
        }

        var key = catalog.Find(spec.ExternalIdFrom);
        if (key is null || !SourceCatalog<TSource>.YieldsExternalId(key, allowNull: false))
        {
            Error(errors, $"{spec.Setting}:externalId:from", $"{spec.ExternalIdFrom} is not an external-id path of {catalog.Root}.");
        }

        var fields = new List<FieldMapping<TSource>>();
        foreach (var field in spec.Fields)
        {
            if (CompileField(spec.ObjectName, field, catalog, errors) is { } compiled)
            {
                fields.Add(compiled);
            }
        }

        var references = new List<ReferenceMapping<TSource>>();
        foreach (var reference in spec.References)
        {
            if (CompileReference(spec.ObjectName, reference, catalog, errors) is { } compiled)
            {
                references.Add(compiled);
            }
        }

        if (errors.Count > errorCount)
        {
            return null;
        }

        ObjectMapping<TSource> mapping;
        try
        {
            mapping = new ObjectMapping<TSource>(spec.ObjectName, externalIdField!.Name, s => (ExternalId)key!.Get(s)!, fields, references);
        }
        catch (ArgumentException e)
        {
            return Error<ObjectMapping<TSource>>(errors, spec.Setting, e.Message);
        }

        foreach (var change in overrides)
        {
            if (string.IsNullOrWhiteSpace(change.Template))
            {
                mapping = mapping.WithoutField(change.Target);
            }
            else if (CompileField(spec.ObjectName, change, catalog, errors) is { } compiled)
            {
                mapping = mapping.WithField(compiled.TargetField, compiled.Value);
            }
        }

        return mapping;
    }

    private FieldMapping<TSource>? CompileField<TSource>(string objectName, FieldSpec field, SourceCatalog<TSource> catalog, List<(string, string)> errors)
        where TSource : class
    {
        var known = TargetFieldCatalog.FindField(objectName, field.Target);
        if (known is null || known.IsExternalId)
        {
            return Error<FieldMapping<TSource>>(errors, field.Setting, $"unknown field {field.Target} on {objectName} (known: {TargetFieldCatalog.DescribeFields(objectName)}).");
        }

        if (field.Template is { } text)
        {
            Interlocked.Increment(ref _templatesParsed);
            var template = CompiledTemplate.TryParse(text, field.Setting, out var problem);
            if (template is null)
            {
                return Error<FieldMapping<TSource>>(errors, field.Setting, $"the Scriban template for {objectName}.{known.Name} does not parse: {problem}");
            }

            var unknown = TemplateMemberCheck.Check(template.Page, catalog.Root, catalog.HasMember);
            if (unknown.Count > 0)
            {
                return Error<FieldMapping<TSource>>(
                    errors,
                    field.Setting,
                    $"the Scriban template for {objectName}.{known.Name} reads what does not exist: {string.Join("; ", unknown)} (known: {catalog.DescribeMembers()}).");
            }

            return new FieldMapping<TSource>(known.Name, s => Evaluate(template, catalog, s, known, objectName));
        }

        var member = catalog.Find(field.From!);
        if (member is null)
        {
            return Error<FieldMapping<TSource>>(errors, field.Setting, $"unknown source path {field.From} (known: {catalog.DescribeMembers()}).");
        }

        var get = member.Get;
        return field.IfNull is { } placeholder
            ? new FieldMapping<TSource>(known.Name, s => get(s) ?? placeholder)
            : new FieldMapping<TSource>(known.Name, get);
    }

    private static ReferenceMapping<TSource>? CompileReference<TSource>(string objectName, ReferenceSpec reference, SourceCatalog<TSource> catalog, List<(string, string)> errors)
        where TSource : class
    {
        if (TargetFieldCatalog.FindField(objectName, reference.Field) is not { Type: TargetFieldType.Reference } field)
        {
            return Error<ReferenceMapping<TSource>>(errors, reference.Setting, $"{reference.Field} is not a lookup of {objectName}.");
        }

        if (TargetFieldCatalog.FindField(reference.ParentObject, reference.ParentExternalIdField) is not { IsExternalId: true } parentKey)
        {
            return Error<ReferenceMapping<TSource>>(errors, reference.Setting, $"{reference.ParentObject}.{reference.ParentExternalIdField} is not a known external-id field.");
        }

        var member = catalog.Find(reference.From);
        if (member is null || !SourceCatalog<TSource>.YieldsExternalId(member, allowNull: true))
        {
            return Error<ReferenceMapping<TSource>>(errors, reference.Setting, $"{reference.From} is not an external-id path of {catalog.Root}.");
        }

        var get = member.Get;
        return new ReferenceMapping<TSource>(
            field.Name,
            TargetFieldCatalog.FindObject(reference.ParentObject)!,
            parentKey.Name,
            s => get(s) is ExternalId id ? id : null);
    }

    private static object? Evaluate<TSource>(CompiledTemplate template, SourceCatalog<TSource> catalog, TSource source, KnownField field, string objectName)
        where TSource : class
    {
        object? result;
        try
        {
            result = template.Evaluate(catalog.ToScriptObject(source));
        }
        catch (ScriptRuntimeException e)
        {
            // Scriban's message names the template position, never the record's values.
            throw new MappingEvaluationException(objectName, field.Name, $"the template failed: {e.OriginalMessage}", e);
        }

        return TemplateResultConverter.Convert(result, field, objectName);
    }

    private static CompiledMappings Assemble(MappingProfile profile, IReadOnlyList<ObjectSpec> objects, Dictionary<string, object?> compiled)
    {
        T One<T>(string source, string? objectName = null)
            where T : class
        {
            var matches = objects.Where(o => o.Source == source && (objectName is null || o.ObjectName == objectName)).ToList();
            return matches.Count == 1 && compiled[matches[0].ObjectName] is T mapping
                ? mapping
                : throw new MappingConfigurationException(
                    $"{MappingDocumentReader.FileName}:profiles:{profile}",
                    $"the profile needs exactly one {objectName ?? "object"} mapped from {source}, found {matches.Count}.");
        }

        return new CompiledMappings(
            profile,
            One<ObjectMapping<NormalizedShop>>("shop"),
            One<ObjectMapping<NormalizedItem>>("item", SalesforceSchema.Product.ObjectName),
            One<ObjectMapping<NormalizedItemShop>>("inventory"),
            One<ObjectMapping<NormalizedCustomer>>("customer", SalesforceSchema.Contact.ObjectName),
            One<ObjectMapping<NormalizedCustomer>>("customer", SalesforceSchema.Lead.ObjectName),
            One<ObjectMapping<SaleMappingSource>>("sale"),
            One<ObjectMapping<NormalizedSaleLine>>("line"),
            objects.Any(o => o.Source == "payment") ? One<ObjectMapping<NormalizedSalePayment>>("payment") : null,
            objects.Any(o => o.ObjectName == MiscellaneousItem.PriceObject) ? One<ObjectMapping<NormalizedItem>>("item", MiscellaneousItem.PriceObject) : null);
    }

    private static T? Error<T>(List<(string, string)> errors, string setting, string message)
        where T : class
    {
        errors.Add((setting, message));
        return null;
    }

    private static object? Error(List<(string, string)> errors, string setting, string message) => Error<object>(errors, setting, message);
}
