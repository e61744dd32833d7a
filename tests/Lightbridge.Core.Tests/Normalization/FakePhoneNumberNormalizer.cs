using Lightbridge.Core.Identity;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Tests.Normalization;

/// <summary>
/// A stand-in for the libphonenumber implementation: enough of GB and US numbering to test what Core does with the
/// seam's answers, and a record of the regions it was asked about.
/// </summary>
public sealed class FakePhoneNumberNormalizer : IPhoneNumberNormalizer
{
    public List<string> RegionsAsked { get; } = [];

    public PhoneNormalization Normalize(string raw, string defaultRegion)
    {
        RegionsAsked.Add(defaultRegion);
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        var candidate = raw.TrimStart().StartsWith('+') ? "+" + digits
            : defaultRegion == "GB" && digits.StartsWith('0') ? "+44" + digits[1..]
            : defaultRegion == "US" && digits.Length == 10 ? "+1" + digits
            : null;
        return candidate is not null && PhoneNumber.TryFromE164(candidate, out var number)
            ? PhoneNormalization.Valid(number)
            : PhoneNormalization.Invalid("not a number of the region");
    }
}
