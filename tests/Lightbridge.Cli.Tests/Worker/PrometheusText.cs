using System.Globalization;
using System.Text.RegularExpressions;

namespace Lightbridge.Cli.Tests.Worker;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4): every line must be a comment (<c># HELP</c>,
/// <c># TYPE</c>) or a sample <c>name{label="value",...} number</c>; anything else fails the parse.
/// </summary>
internal static partial class PrometheusText
{
    /// <summary>Samples keyed by <c>name{labels}</c> exactly as exposed (labels in exposition order).</summary>
    public static IReadOnlyDictionary<string, double> Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var comment = Comment().Match(line);
                if (!comment.Success)
                {
                    throw new FormatException($"Not a HELP or TYPE comment: {line}");
                }

                if (comment.Groups["kind"].Value == "TYPE")
                {
                    types[comment.Groups["name"].Value] = comment.Groups["rest"].Value;
                }

                continue;
            }

            var sample = Sample().Match(line);
            if (!sample.Success)
            {
                throw new FormatException($"Not a sample line: {line}");
            }

            var name = sample.Groups["name"].Value;
            if (!types.ContainsKey(name) && !types.ContainsKey(Regex.Replace(name, "_(total|sum|count|bucket)$", string.Empty)))
            {
                throw new FormatException($"Sample {name} has no TYPE line before it.");
            }

            var value = sample.Groups["value"].Value;
            samples[name + sample.Groups["labels"].Value] = value switch
            {
                "NaN" => double.NaN,
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }

        return samples;
    }

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.*)$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{(?:[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\]|\\.)*"",?)*\})? (?<value>NaN|[+-]Inf|[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(?: [0-9]+)?$")]
    private static partial Regex Sample();
}
