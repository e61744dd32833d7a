using System.Security.Cryptography;
using System.Text;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Normalization;

/// <summary>Normalizes a shop, deriving its <c>Store_Code__c</c>.</summary>
public static class ShopNormalizer
{
    /// <summary>The length of <c>Store_Code__c</c> (Text 20).</summary>
    public const int StoreCodeMaxLength = 20;

    /// <summary>Normalizes <paramref name="shop"/> of <paramref name="account"/>.</summary>
    public static NormalizedShop Normalize(Shop shop, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(account);
        var id = new ExternalId(account.AccountId, shop.Id);
        return new NormalizedShop(shop, id, shop.Name.Trim(), StoreCode(id), account.CurrencyFor(shop.Id));
    }

    /// <summary>
    /// Derives the store code of a shop from its account and shop ids alone, never from its name, so that renaming a shop
    /// keeps its code, its group and its sharing rules: <c>S{accountId}_{shopId}</c>, e.g. <c>S120645_1</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The account id keeps the code unique across the accounts one org syncs (the field is unique and the sharing rules
    /// key on it). The code starts with a letter and holds only letters, digits and single inner underscores, so
    /// <c>Lightspeed_Store_{code}</c> is a valid group developer name (letters, digits and underscores, starting with a
    /// letter, no double or trailing underscore; 17 + 20 characters, well inside the 80 of <c>Group.DeveloperName</c>).
    /// </para>
    /// <para>
    /// Lightspeed ids are decimal numbers, and the readable form fits the 20 characters of <c>Store_Code__c</c> whenever
    /// the two ids hold 18 digits together. Longer or non-numeric ids (which Lightspeed does not issue today) get
    /// <c>H</c> and 19 base-32 characters of the SHA-256 of <c>{accountId}-{shopId}</c>: 95 bits, so two shops collide
    /// only with negligible probability, and the leading <c>H</c> keeps the two forms apart.
    /// </para>
    /// </remarks>
    public static string StoreCode(ExternalId shopId)
    {
        var account = shopId.AccountId.Value;
        var shop = shopId.EntityId.Value;
        if (account is null || shop is null)
        {
            throw new ArgumentException("A store code needs both the account id and the shop id.", nameof(shopId));
        }

        if (IsPlainNumber(account) && IsPlainNumber(shop) && account.Length + shop.Length <= StoreCodeMaxLength - 2)
        {
            return $"S{account}_{shop}";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(shopId.Value));
        return "H" + Base32(hash, StoreCodeMaxLength - 1);
    }

    /// <summary>Whether <paramref name="code"/> has the form <see cref="StoreCode"/> produces (read back from Salesforce).</summary>
    public static bool IsStoreCode(string? code)
    {
        if (code is not { Length: > 1 and <= StoreCodeMaxLength })
        {
            return false;
        }

        if (code[0] == 'H')
        {
            return code.Length == StoreCodeMaxLength && code.Skip(1).All(c => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7'));
        }

        var separator = code.IndexOf('_', StringComparison.Ordinal);
        return code[0] == 'S' && separator > 1 && IsPlainNumber(code[1..separator]) && IsPlainNumber(code[(separator + 1)..]);
    }

    // Digits only, no leading zero: the canonical decimal form, so one id never yields two codes.
    private static bool IsPlainNumber(string text) =>
        text.Length > 0 && text[0] != '0' && text.All(char.IsAsciiDigit);

    private static string Base32(byte[] bytes, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder(length);
        var buffer = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && text.Length < length)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }

            buffer &= (1 << bits) - 1;
            if (text.Length == length)
            {
                break;
            }
        }

        return text.ToString();
    }
}
