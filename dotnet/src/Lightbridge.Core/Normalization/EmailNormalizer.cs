using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Normalization;

/// <summary>
/// Normalizes a raw email as typed in the POS: trim, lower-case, and a basic syntax check, so that
/// <c>" Jane@Example.COM "</c> and <c>jane@example.com</c> match the same Salesforce record (DESIGN.md, "Data flow", step 2).
/// </summary>
/// <remarks>
/// The check is deliberately basic (no quoted local parts, no IP-literal domains): a POS address that needs them is far
/// more likely a typo, and Salesforce's own Email fields reject most of them with INVALID_EMAIL_ADDRESS
/// (shared/reference/salesforce-api.md §1.8).
/// </remarks>
public static class EmailNormalizer
{
    /// <summary>The length of the standard Email fields on Contact and Lead.</summary>
    public const int SalesforceMaxLength = 80;

    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~.-";

    /// <summary>Normalizes <paramref name="raw"/>, or explains why it is not a usable address.</summary>
    public static EmailNormalization Normalize(string? raw)
    {
        var value = raw?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return Reject("the address is blank");
        }

        if (value.Length > SalesforceMaxLength)
        {
            return Reject($"the address is longer than the {SalesforceMaxLength} characters a Salesforce Email field holds");
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != value.LastIndexOf('@'))
        {
            return Reject("the address needs exactly one '@'");
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        return CheckLocal(local) ?? CheckDomain(domain) ?? new EmailNormalization(new EmailAddress(value), null);
    }

    private static EmailNormalization? CheckLocal(string local)
    {
        if (local.Length is 0 or > 64)
        {
            return Reject("the part before '@' is empty or longer than 64 characters");
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return Reject("the part before '@' has a misplaced dot");
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !LocalSpecials.Contains(c, StringComparison.Ordinal))
            {
                return Reject("the part before '@' holds a character an address cannot have");
            }
        }

        return null;
    }

    private static EmailNormalization? CheckDomain(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return Reject("the domain has no dot");
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return Reject("the domain has an empty or malformed label");
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return Reject("the domain holds a character a host name cannot have");
                }
            }
        }

        var topLevel = labels[^1];
        if (topLevel.Length < 2 || (!topLevel.All(char.IsAsciiLetter) && !topLevel.StartsWith("xn--", StringComparison.Ordinal)))
        {
            return Reject("the top-level domain is not a name of two or more letters");
        }

        return null;
    }

    private static EmailNormalization Reject(string problem) => new(null, problem);
}
