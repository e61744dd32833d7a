using System.Globalization;
using System.Text.RegularExpressions;

namespace Lightbridge.Sync.Rollups;

/// <summary>
/// One <c>Lightspeed_Rollup__mdt</c> record: which parent field holds which aggregate of which child field, over the
/// children whose relationship field points at the parent and that pass the filter.
/// </summary>
/// <param name="Name">The record's <c>DeveloperName</c>, for messages.</param>
/// <param name="ParentObject">The parent object, e.g. <c>Contact</c>.</param>
/// <param name="ParentField">The parent field written, e.g. <c>Lightspeed_Lifetime_Value__c</c>.</param>
/// <param name="ChildObject">The child object aggregated, e.g. <c>Lightspeed_Sale__c</c>.</param>
/// <param name="RelationshipField">The child's lookup to the parent, e.g. <c>Contact__c</c>.</param>
/// <param name="Operation">SUM, COUNT, MAX or MIN.</param>
/// <param name="ChildField">The child field aggregated; null for COUNT.</param>
/// <param name="Filter">A SOQL condition on the child (e.g. <c>Status__c = 'Completed'</c>), or null.</param>
internal sealed partial record RollupDefinition(
    string Name,
    string ParentObject,
    string ParentField,
    string ChildObject,
    string RelationshipField,
    RollupOperation Operation,
    string? ChildField,
    string? Filter)
{
    /// <summary>The value a parent with no matching children gets: 0 for SUM and COUNT, empty for MAX and MIN.</summary>
    public object? EmptyValue => Operation is RollupOperation.Sum or RollupOperation.Count ? 0m : null;

    /// <summary>
    /// Reads one metadata record; null with <paramref name="problem"/> set when a value is missing or not an API name
    /// (the names go into SOQL, so only identifiers are accepted; the filter is SOQL by design, written by an admin).
    /// </summary>
    public static RollupDefinition? TryCreate(
        string? name, string? parentObject, string? parentField, string? childObject, string? relationshipField,
        string? operation, string? childField, string? filter, out string? problem)
    {
        var label = string.IsNullOrWhiteSpace(name) ? "(no DeveloperName)" : name;
        problem = FirstProblem(label, ("Parent_Object__c", parentObject), ("Parent_Field__c", parentField), ("Child_Object__c", childObject), ("Relationship_Field__c", relationshipField));
        if (problem is not null)
        {
            return null;
        }

        if (!Enum.TryParse<RollupOperation>(operation?.Trim(), ignoreCase: true, out var op) || !Enum.IsDefined(op) || int.TryParse(operation, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            problem = $"Lightspeed_Rollup__mdt {label}: Operation__c '{operation}' is not SUM, COUNT, MAX or MIN.";
            return null;
        }

        var child = string.IsNullOrWhiteSpace(childField) ? null : childField.Trim();
        if (op != RollupOperation.Count && child is null)
        {
            problem = $"Lightspeed_Rollup__mdt {label}: Child_Field__c is required for {op.ToString().ToUpperInvariant()}.";
            return null;
        }

        if (child is not null && !ApiName().IsMatch(child))
        {
            problem = $"Lightspeed_Rollup__mdt {label}: Child_Field__c '{child}' is not an API name.";
            return null;
        }

        return new RollupDefinition(label, parentObject!.Trim(), parentField!.Trim(), childObject!.Trim(), relationshipField!.Trim(), op, child,
            string.IsNullOrWhiteSpace(filter) ? null : filter.Trim());
    }

    private static string? FirstProblem(string label, params (string Field, string? Value)[] values)
    {
        foreach (var (field, value) in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return $"Lightspeed_Rollup__mdt {label}: {field} is empty.";
            }

            if (!ApiName().IsMatch(value.Trim()))
            {
                return $"Lightspeed_Rollup__mdt {label}: {field} '{value}' is not an API name.";
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiName();
}
