using System.Globalization;

namespace Lightbridge.Emulators.XSeries.Data;

/// <summary>Contact data as shop staff type it: mixed case, spaces, missing parts, several phone formats.</summary>
internal static class ContactNoise
{
    private static readonly string[] Domains = ["example.com", "Example.co.nz", "mail.example.org", "EXAMPLE.NET"];

    public static string? Email(Random random, string first, string last, int index)
    {
        var local = $"{first}.{last}".Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);
        var domain = Domains[random.Next(Domains.Length)];
        var n = index.ToString(CultureInfo.InvariantCulture);
        return random.Next(10) switch
        {
            0 => null,
            1 => string.Empty,
            2 => $"  {local}{n}@{domain} ",
            3 => $"{local.ToUpperInvariant()}{n}@{domain}",
            4 => $"{local}{n}@@{domain}",
            5 => $"{local}{n} at {domain}",
            _ => $"{local.ToLowerInvariant()}{n}@{domain.ToLowerInvariant()}",
        };
    }

    public static string? Phone(Random random)
    {
        var a = random.Next(200, 999);
        var b = random.Next(100, 999);
        var c = random.Next(1000, 9999);
        var f = CultureInfo.InvariantCulture;
        return random.Next(8) switch
        {
            0 => null,
            1 => string.Create(f, $"({a}) {b}-{c}"),
            2 => string.Create(f, $"+1 {a} {b} {c}"),
            3 => string.Create(f, $"{a}{b}{c}"),
            4 => string.Create(f, $"+64 21 {b} {c}"),
            5 => "n/a",
            6 => string.Create(f, $"{a}.{b}.{c} ext 2"),
            _ => string.Create(f, $"0{a} {b} {c}"),
        };
    }
}
