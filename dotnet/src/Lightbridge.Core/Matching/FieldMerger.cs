using System.Globalization;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;

namespace Lightbridge.Core.Matching;

/// <summary>
/// Applies <see cref="FieldUpdatePolicies"/> to a mapped record against the values the matched record holds now, so an
/// update writes only what policy allows and what actually changed (a second run with no changes writes nothing).
/// </summary>
public static class FieldMerger
{
    /// <summary>Merges <paramref name="proposed"/> into the record's current values.</summary>
    /// <param name="proposed">The record as mapped from Lightspeed.</param>
    /// <param name="current">The matched record's current values by field name, or null when the record is to be created.</param>
    /// <param name="policies">The per-field policies.</param>
    public static FieldMergeResult Merge(
        SalesforceRecord proposed,
        IReadOnlyDictionary<string, object?>? current,
        FieldUpdatePolicies policies)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(policies);
        if (current is null)
        {
            // A create takes every field, including those never updated afterwards.
            return new FieldMergeResult(proposed, proposed.Fields.Select(f => f.Name).ToList(), []);
        }

        var written = new List<FieldValue>();
        var skipped = new List<string>();
        foreach (var field in proposed.Fields)
        {
            current.TryGetValue(field.Name, out var existing);
            var write = policies.For(field.Name) switch
            {
                FieldUpdatePolicy.Overwrite => !SameValue(field.Value, existing),
                FieldUpdatePolicy.FillIfBlank => IsBlank(existing) && !IsBlank(field.Value),
                _ => false,
            };

            if (write)
            {
                written.Add(field);
            }
            else
            {
                skipped.Add(field.Name);
            }
        }

        return new FieldMergeResult(proposed with { Fields = written }, written.Select(f => f.Name).ToList(), skipped);
    }

    /// <summary>Whether a Salesforce value is blank: null, or a string of white space.</summary>
    public static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>
    /// Compares a mapped value with a value read back from Salesforce, which may come in another CLR type (numbers as
    /// doubles, dates as strings; shared/reference/salesforce-api.md §2.2).
    /// </summary>
    public static bool SameValue(object? proposed, object? existing)
    {
        if (IsBlank(proposed) || IsBlank(existing))
        {
            return IsBlank(proposed) && IsBlank(existing);
        }

        if (AsDecimal(proposed) is { } left && AsDecimal(existing) is { } right)
        {
            return left == right;
        }

        if (AsInstant(proposed) is { } a && AsInstant(existing) is { } b)
        {
            return a == b;
        }

        return string.Equals(Canonical(proposed!), Canonical(existing!), StringComparison.Ordinal);
    }

    private static decimal? AsDecimal(object? value) => value switch
    {
        decimal d => d,
        double d when double.IsFinite(d) => (decimal)d,
        float f when float.IsFinite(f) => (decimal)f,
        int i => i,
        long l => l,
        _ => null,
    };

    private static DateTimeOffset? AsInstant(object? value) => value switch
    {
        DateTimeOffset instant => instant,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string s when s.Length > 10 && s[4] == '-' && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };

    private static string Canonical(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        SalesforceId id => id.Value,
        string s => s.Trim(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
