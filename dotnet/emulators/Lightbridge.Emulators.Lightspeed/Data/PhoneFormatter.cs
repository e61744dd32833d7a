namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>Writes one phone number in one of the many ways people type them (the mess the client must normalise).</summary>
internal static class PhoneFormatter
{
    public static string Format(ShopProfile profile, Random random)
    {
        var area = profile.AreaCodes[random.Next(profile.AreaCodes.Length)];
        return profile.CountryCode switch
        {
            "NL" => Dutch(random),
            "GB" => British(random),
            _ => NorthAmerican(area, random),
        };
    }

    private static string NorthAmerican(string area, Random random)
    {
        var line = random.Next(100, 200).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        return random.Next(9) switch
        {
            0 => $"({area}) 555-{line}",
            1 => $"{area}-555-{line}",
            2 => $"{area}.555.{line}",
            3 => $"+1 {area} 555 {line}",
            4 => $"+1-{area}-555-{line}",
            5 => $"1{area}555{line}",
            6 => $"{area}555{line}",
            7 => $"{area} 555 {line} x{random.Next(10, 99)}",
            _ => $"555-{line}",
        };
    }

    private static string Dutch(Random random)
    {
        var n = random.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return random.Next(5) switch
        {
            0 => $"+31 20 {n[..3]} {n[3..]}",
            1 => $"020-{n}",
            2 => $"06 1{n}",
            3 => $"+316{n}1",
            _ => $"0031 6 {n[..4]} {n[4..]}1",
        };
    }

    private static string British(Random random)
    {
        var n = random.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return random.Next(3) switch
        {
            0 => $"+44 20 {n[..4]} {n[4..]}0",
            1 => $"07700 9{n[..5]}",
            _ => $"(020) {n[..4]} {n[4..]}0",
        };
    }
}
