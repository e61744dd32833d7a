using System.Text;
using System.Text.RegularExpressions;

namespace Lightbridge.Emulators.Lightspeed.Query;

/// <summary>SQL LIKE for the <c>~</c> and <c>!~</c> operators: <c>%</c> any run, <c>_</c> one character, case-insensitive.</summary>
internal static class LikePattern
{
    public static Regex ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        foreach (var c in pattern)
        {
            sb.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
