using Lightbridge.Core.Identity;
using Scriban.Runtime;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// The named values of one kind of canonical record, under one root name (<c>sale</c>, <c>customer</c>, ...). The same
/// names serve two uses: source paths in the mapping file (<c>sale.total</c>) and members of the script object a
/// Scriban template sees, so an operator can copy a path from the shipped file into an override.
/// </summary>
/// <typeparam name="TSource">The canonical record.</typeparam>
internal sealed class SourceCatalog<TSource>
    where TSource : class
{
    // Templates of one record are evaluated field after field on the same thread: build its script object once.
    [ThreadStatic]
    private static (TSource Source, ScriptObject Model)? t_last;

    private readonly Dictionary<string, SourceMember<TSource>> _members;

    /// <summary>Creates a catalog.</summary>
    public SourceCatalog(string root, IReadOnlyList<SourceMember<TSource>> members)
    {
        Root = root;
        Members = members;
        _members = members.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>The root name, e.g. <c>sale</c>.</summary>
    public string Root { get; }

    /// <summary>The members, in documentation order.</summary>
    public IReadOnlyList<SourceMember<TSource>> Members { get; }

    /// <summary>Finds the member a path such as <c>sale.total</c> names; null when the root or member is unknown.</summary>
    public SourceMember<TSource>? Find(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !path.AsSpan(0, dot).SequenceEqual(Root))
        {
            return null;
        }

        return _members.GetValueOrDefault(path[(dot + 1)..]);
    }

    /// <summary>Whether the record has a member named <paramref name="name"/> (e.g. <c>total</c>).</summary>
    public bool HasMember(string name) => _members.ContainsKey(name);

    /// <summary>Whether <paramref name="member"/> yields an external id (what a reference or the record key needs).</summary>
    public static bool YieldsExternalId(SourceMember<TSource> member, bool allowNull) =>
        member.ValueType == typeof(ExternalId) || (allowNull && member.ValueType == typeof(ExternalId?));

    /// <summary>
    /// The read-only globals a template sees for <paramref name="source"/>: the root name (<c>sale</c>) bound to an
    /// object of every member, with values in the forms Scriban's functions understand (<see cref="ScriptValues.ToScript"/>).
    /// </summary>
    public ScriptObject ToScriptObject(TSource source)
    {
        if (t_last is { } last && ReferenceEquals(last.Source, source))
        {
            return last.Model;
        }

        var model = new ScriptObject(Members.Count);
        foreach (var member in Members)
        {
            model.Add(member.Name, ScriptValues.ToScript(member.Get(source)));
        }

        model.IsReadOnly = true;
        var globals = new ScriptObject(1) { [Root] = model };
        globals.IsReadOnly = true;
        t_last = (source, globals);
        return globals;
    }

    /// <summary>A text list of the member paths, for error messages.</summary>
    public string DescribeMembers() => string.Join(", ", Members.Select(m => $"{Root}.{m.Name}"));
}
