using Scriban.Syntax;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// Checks a parsed template's references to the canonical record at start, so a typo (<c>customer.emial</c>) or a
/// record the object does not map (<c>sale.total</c> in a Contact override) stops the program once, with the setting,
/// instead of failing every record at run time.
/// </summary>
internal sealed class TemplateMemberCheck : ScriptVisitor
{
    private readonly string _root;
    private readonly Func<string, bool> _hasMember;
    private readonly List<string> _problems = [];

    private TemplateMemberCheck(string root, Func<string, bool> hasMember)
    {
        _root = root;
        _hasMember = hasMember;
    }

    /// <summary>The problems found in <paramref name="page"/>, empty when every reference resolves.</summary>
    public static IReadOnlyList<string> Check(ScriptNode page, string root, Func<string, bool> hasMember)
    {
        var check = new TemplateMemberCheck(root, hasMember);
        page.Accept(check);
        return check._problems.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public override void Visit(ScriptMemberExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Target is ScriptVariableGlobal target && target.Name == _root && node.Member is { } member && !_hasMember(member.Name))
        {
            _problems.Add($"{_root}.{member.Name} is not a member of {_root}");
        }

        base.Visit(node);
    }

    /// <inheritdoc />
    public override void Visit(ScriptVariableGlobal node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Name != _root && SourceCatalogs.Roots.Contains(node.Name, StringComparer.Ordinal))
        {
            _problems.Add($"{node.Name} is not available here: this object maps {_root}");
        }

        base.Visit(node);
    }
}
