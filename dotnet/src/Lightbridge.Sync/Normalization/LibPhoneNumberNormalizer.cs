using System.Collections.Frozen;
using Lightbridge.Core.Normalization;
using PhoneNumbers;
using CorePhoneNumber = Lightbridge.Core.Identity.PhoneNumber;

namespace Lightbridge.Sync.Normalization;

/// <summary>
/// Normalizes phone numbers as a POS holds them ("(416) 555-0199", "416.555.0199", "+1 416 555 0199",
/// "0031 20 555 0199", "020-5550199 ext. 12") to E.164 with libphonenumber's metadata (DESIGN.md, "Data flow", step 2).
/// </summary>
/// <remarks>
/// <para>
/// A number with a <c>+</c> or the region's international prefix is read as international; anything else as a national
/// number of the default region. A leading <c>00</c> is also read as international when the region uses another prefix
/// (a US POS holding a Dutch number typed European-style), because no national number starts with <c>00</c>.
/// </para>
/// <para>
/// Extensions are dropped: E.164 has no place for them, and Salesforce phone matching compares the number alone.
/// Only numbers libphonenumber deems valid (the right length and a range in use) are accepted, so a typo cannot
/// match another shopper's record. Problems never quote the number (personal data, STYLE G13).
/// </para>
/// <para>Thread-safe: <see cref="PhoneNumberUtil"/> is a stateless singleton over read-only metadata.</para>
/// </remarks>
public sealed class LibPhoneNumberNormalizer : IPhoneNumberNormalizer
{
    // libphonenumber's "unknown region" code: only numbers with a country code parse against it.
    private const string UnknownRegion = "ZZ";

    private static readonly FrozenSet<string> SupportedRegions = PhoneNumberUtil.GetInstance().GetSupportedRegions().ToFrozenSet(StringComparer.Ordinal);

    private readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();

    /// <inheritdoc />
    public PhoneNormalization Normalize(string raw, string defaultRegion)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return PhoneNormalization.Invalid("the number is blank");
        }

        if (!text.Any(char.IsAsciiDigit))
        {
            return PhoneNormalization.Invalid("the value holds no digits");
        }

        var region = RegionOrUnknown(defaultRegion);
        var result = ToE164(text, region);
        if (!result.IsValid && StartsWithDoubleZero(text))
        {
            var international = ToE164("+" + text[2..], region);
            return international.IsValid ? international : result;
        }

        return result;
    }

    private PhoneNormalization ToE164(string text, string region)
    {
        var parsed = TryParse(text, region, out var problem);
        if (parsed is null)
        {
            return PhoneNormalization.Invalid(problem!);
        }

        if (!_util.IsValidNumber(parsed))
        {
            return PhoneNormalization.Invalid(InvalidReason(parsed));
        }

        var e164 = _util.Format(parsed, PhoneNumberFormat.E164);
        return CorePhoneNumber.TryFromE164(e164, out var number)
            ? PhoneNormalization.Valid(number)
            : PhoneNormalization.Invalid("the number does not fit E.164");
    }

    private PhoneNumbers.PhoneNumber? TryParse(string text, string region, out string? problem)
    {
        problem = null;
        try
        {
            return _util.Parse(text, region);
        }
        catch (NumberParseException e)
        {
            problem = e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => region == UnknownRegion
                    ? "the number has no country code and the default region is not a known ISO 3166 region"
                    : "the country calling code is not in use",
                ErrorType.NOT_A_NUMBER => "the value is not a phone number",
                ErrorType.TOO_SHORT_AFTER_IDD => "the number is too short after the international prefix",
                ErrorType.TOO_SHORT_NSN => "the number is too short",
                ErrorType.TOO_LONG => "the number is too long",
                _ => "the number could not be parsed",
            };
            return null;
        }
    }

    private string InvalidReason(PhoneNumbers.PhoneNumber number) => _util.IsPossibleNumberWithReason(number) switch
    {
        PhoneNumberUtil.ValidationResult.TOO_SHORT => "the number is too short",
        PhoneNumberUtil.ValidationResult.TOO_LONG => "the number is too long",
        PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "the country calling code is not in use",
        PhoneNumberUtil.ValidationResult.INVALID_LENGTH => "the number has a length no number of its country has",
        PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => "the number lacks its area code",
        _ => "the number is not in a range its country assigns",
    };

    private static string RegionOrUnknown(string? region)
    {
        var code = region?.Trim().ToUpperInvariant();

        // "UK" is not ISO 3166 but is what people type for the United Kingdom.
        code = code == "UK" ? "GB" : code;
        return code is not null && SupportedRegions.Contains(code) ? code : UnknownRegion;
    }

    private static bool StartsWithDoubleZero(string text) => text.Length > 2 && text[0] == '0' && text[1] == '0';
}
