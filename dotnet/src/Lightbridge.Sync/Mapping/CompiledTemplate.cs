using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// A Scriban template parsed once at start. An expression (<c>sale.total * 1.2</c>) yields its value; a text template
/// (anything holding <c>{{</c>, e.g. <c>Sale {{ sale.ticket_number }}</c>) yields the rendered text.
/// </summary>
/// <remarks>
/// Evaluation reuses one <see cref="TemplateContext"/> per thread, configured strictly: an unknown variable or member is
/// an error, not an empty string, and numbers format with the invariant culture. The record's script object is pushed
/// read-only with a scratch scope above it, so a template's own assignments never leak into the next evaluation.
/// </remarks>
internal sealed class CompiledTemplate
{
    [ThreadStatic]
    private static TemplateContext? t_context;

    [ThreadStatic]
    private static ScriptObject? t_scratch;

    private readonly Template _template;

    private CompiledTemplate(Template template, bool isText, string text)
    {
        _template = template;
        IsText = isText;
        Text = text;
    }

    /// <summary>Whether the template renders text rather than yielding an expression's value.</summary>
    public bool IsText { get; }

    /// <summary>The parsed syntax tree, for checks at start (<see cref="TemplateMemberCheck"/>).</summary>
    public ScriptNode Page => _template.Page!;

    /// <summary>The template's source text.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; null with Scriban's messages when it does not parse.</summary>
    /// <param name="text">The expression or text template.</param>
    /// <param name="sourceName">Where it came from (the setting), for Scriban's message positions.</param>
    /// <param name="errors">Scriban's messages when parsing failed.</param>
    public static CompiledTemplate? TryParse(string text, string sourceName, out string? errors)
    {
        var isText = text.Contains("{{", StringComparison.Ordinal);
        var lexer = new LexerOptions { Mode = isText ? ScriptMode.Default : ScriptMode.ScriptOnly };
        var template = Template.Parse(text, sourceName, lexerOptions: lexer);
        if (template.HasErrors)
        {
            errors = string.Join("; ", template.Messages.Select(m => m.ToString()));
            return null;
        }

        errors = null;
        return new CompiledTemplate(template, isText, text);
    }

    /// <summary>Evaluates the template over <paramref name="model"/>.</summary>
    /// <exception cref="ScriptRuntimeException">The template failed at run time (unknown member, bad operation).</exception>
    public object? Evaluate(ScriptObject model)
    {
        var context = t_context ??= NewContext();
        var scratch = t_scratch ??= new ScriptObject();
        var completed = false;
        context.PushGlobal(model);
        context.PushGlobal(scratch);
        context.PushOutput();
        try
        {
            var result = IsText ? _template.Render(context) : _template.Evaluate(context);
            completed = true;
            return result;
        }
        finally
        {
            if (completed)
            {
                context.PopOutput();
                context.PopGlobal();
                context.PopGlobal();
                scratch.Clear();
            }
            else
            {
                // A failed run may leave loops, captures or scopes open: start the next one from a fresh context.
                t_context = null;
                t_scratch = null;
            }
        }
    }

    private static TemplateContext NewContext()
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            MemberRenamer = StandardMemberRenamer.Default,
            LoopLimit = 1_000,
            RecursiveLimit = 50,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        return context;
    }
}
