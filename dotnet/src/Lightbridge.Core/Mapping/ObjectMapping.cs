using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Mapping;

/// <summary>
/// How one kind of normalized record becomes a <see cref="SalesforceRecord"/>: the object, its external-id field, and an
/// ordered list of target fields and references, each a function of the record. Mapping as data lets configuration
/// replace any field (with a compiled template) without touching code.
/// </summary>
/// <typeparam name="TSource">The normalized record mapped.</typeparam>
public sealed class ObjectMapping<TSource>
{
    private readonly Func<TSource, ExternalId> _externalId;

    /// <summary>Creates a mapping.</summary>
    /// <exception cref="ArgumentException">A target field appears twice, or is the external-id field.</exception>
    public ObjectMapping(
        string objectName,
        string externalIdField,
        Func<TSource, ExternalId> externalId,
        IReadOnlyList<FieldMapping<TSource>> fields,
        IReadOnlyList<ReferenceMapping<TSource>> references)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectName);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalIdField);
        ArgumentNullException.ThrowIfNull(externalId);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(references);

        var targets = fields.Select(f => f.TargetField).Concat(references.Select(r => r.Field)).ToList();
        var duplicate = targets.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 && !IsFieldWithFallback(g.Key, fields, references));
        if (duplicate is not null)
        {
            throw new ArgumentException($"{objectName}: target field {duplicate.Key} is mapped twice.", nameof(fields));
        }

        if (targets.Contains(externalIdField, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{objectName}: the external-id field {externalIdField} is set from the key, not mapped.", nameof(fields));
        }

        ObjectName = objectName;
        ExternalIdField = externalIdField;
        _externalId = externalId;
        Fields = fields;
        References = references;
    }

    /// <summary>The target object.</summary>
    public string ObjectName { get; }

    /// <summary>The external-id field upserts key on.</summary>
    public string ExternalIdField { get; }

    /// <summary>The field mappings, in order.</summary>
    public IReadOnlyList<FieldMapping<TSource>> Fields { get; }

    /// <summary>The reference mappings.</summary>
    public IReadOnlyList<ReferenceMapping<TSource>> References { get; }

    /// <summary>Every target field of the mapping, fields then references.</summary>
    public IEnumerable<string> TargetFields => Fields.Select(f => f.TargetField).Concat(References.Select(r => r.Field)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Maps <paramref name="source"/>. When a field is also a reference (a lookup set by id when known, else by external
    /// id) and the reference yields a parent, the reference wins and the field is left out.
    /// </summary>
    public SalesforceRecord Map(TSource source)
    {
        // The hot path of every load: plain loops into arrays sized once, no LINQ, no set of referenced fields.
        var references = MapReferences(source);
        var fields = new FieldValue[Fields.Count - CountReferenced(references)];
        var next = 0;
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            if (!IsReferenced(references, field.TargetField))
            {
                fields[next++] = new FieldValue(field.TargetField, field.Value(source));
            }
        }

        return new SalesforceRecord(ObjectName, ExternalIdField, _externalId(source), fields, references);
    }

    /// <summary>Returns a copy with <paramref name="targetField"/> computed by <paramref name="value"/> (replaced in place, or appended).</summary>
    public ObjectMapping<TSource> WithField(string targetField, Func<TSource, object?> value)
    {
        var fields = Fields.ToList();
        var index = fields.FindIndex(f => f.TargetField == targetField);
        var mapping = new FieldMapping<TSource>(targetField, value);
        if (index >= 0)
        {
            fields[index] = mapping;
        }
        else
        {
            fields.Add(mapping);
        }

        return new ObjectMapping<TSource>(ObjectName, ExternalIdField, _externalId, fields, References.Where(r => r.Field != targetField).ToList());
    }

    /// <summary>Returns a copy that no longer writes <paramref name="targetField"/>.</summary>
    public ObjectMapping<TSource> WithoutField(string targetField) =>
        new(ObjectName, ExternalIdField, _externalId, Fields.Where(f => f.TargetField != targetField).ToList(), References.Where(r => r.Field != targetField).ToList());

    private RelationshipReference[] MapReferences(TSource source)
    {
        if (References.Count == 0)
        {
            return [];
        }

        var parents = new ExternalId?[References.Count];
        var count = 0;
        for (var i = 0; i < References.Count; i++)
        {
            parents[i] = References[i].ParentExternalId(source);
            count += parents[i] is null ? 0 : 1;
        }

        if (count == 0)
        {
            return [];
        }

        var references = new RelationshipReference[count];
        var next = 0;
        for (var i = 0; i < References.Count; i++)
        {
            if (parents[i] is { } parent)
            {
                var r = References[i];
                references[next++] = new RelationshipReference(r.Field, r.ParentObject, r.ParentExternalIdField, parent);
            }
        }

        return references;
    }

    // The fields a reference replaces: at most one per reference (the constructor refuses any other duplicate).
    private int CountReferenced(RelationshipReference[] references)
    {
        var count = 0;
        for (var i = 0; i < Fields.Count; i++)
        {
            count += IsReferenced(references, Fields[i].TargetField) ? 1 : 0;
        }

        return count;
    }

    private static bool IsReferenced(RelationshipReference[] references, string field)
    {
        foreach (var reference in references)
        {
            if (string.Equals(reference.Field, field, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A lookup may be both a field (set by Salesforce id when known) and a reference (set by external id otherwise).
    private static bool IsFieldWithFallback(string target, IReadOnlyList<FieldMapping<TSource>> fields, IReadOnlyList<ReferenceMapping<TSource>> references) =>
        fields.Count(f => f.TargetField == target) == 1 && references.Count(r => r.Field == target) == 1;
}
