using System.Globalization;
using System.Text;

namespace Lightbridge.Bench.Salesforce;

/// <summary>
/// Deterministic Contact rows for the Bulk benchmark: LastName, Email and the Lightspeed_Customer_Id__c external
/// ID (Contact has no required parent, so every row is valid and the load measures transport, not errors).
/// </summary>
internal static class ContactRows
{
    public const string ExternalIdField = "Lightspeed_Customer_Id__c";

    private static readonly string[] Surnames =
        ["Smith", "Jones", "Nguyen", "Garcia", "O'Brien", "Müller", "Rossi", "Kowalski", "Dubois", "Tanaka", "Silva", "Hansen"];

    /// <summary>The CSV header cells of the rows, for the streamed overload.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["LastName", "Email", ExternalIdField];

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Generate(int count, int seed, string keyPrefix)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>(count);
        rows.AddRange(Enumerate(count, seed, keyPrefix));
        return rows;
    }

    /// <summary>The same rows as <see cref="Generate"/>, made one at a time and never held.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Enumerate(int count, int seed, string keyPrefix)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{keyPrefix}-{i:D7}");
            var surname = Surnames[random.Next(Surnames.Length)];
            var suffix = random.Next(1_000_000);
            yield return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["LastName"] = string.Create(CultureInfo.InvariantCulture, $"{surname} {suffix}"),
                ["Email"] = string.Create(CultureInfo.InvariantCulture, $"customer{i}.{suffix}@example.com"),
                [ExternalIdField] = key,
            };
        }
    }

    /// <summary>Writes the rows as Bulk API 2.0 CSV (LF, no BOM, RFC 4180 quoting) for the jsforce run.</summary>
    public static async Task WriteCsvAsync(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, string path)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        await writer.WriteLineAsync($"LastName,Email,{ExternalIdField}");
        foreach (var row in rows)
        {
            await writer.WriteLineAsync($"{Quote(row["LastName"])},{Quote(row["Email"])},{Quote(row[ExternalIdField])}");
        }
    }

    private static string Quote(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
