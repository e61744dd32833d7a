namespace Lightbridge.Emulators.Lightspeed.Data;

/// <summary>
/// Fills a customer's Contact with messy real-world data: missing addresses, phones in many formats, duplicate
/// emails differing in case, the odd website (reference section 9 items 1–2 shape how the gaps appear on the wire).
/// </summary>
internal sealed class ContactGenerator(Random random)
{
    public void Fill(ContactRecord contact, ShopProfile profile, string first, string last, List<string> emails)
    {
        // Roughly one in eight has no address: the real API still sends ContactAddress with empty strings.
        if (random.Next(8) != 0)
        {
            contact.Address1 = $"{random.Next(1, 999)} {SampleData.Streets[random.Next(SampleData.Streets.Length)]}";
            contact.Address2 = random.Next(5) == 0 ? $"Unit {random.Next(1, 40)}" : string.Empty;
            contact.City = profile.City;
            contact.State = profile.State;
            contact.StateCode = profile.StateCode;
            contact.Zip = random.Next(100000).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
            contact.Country = profile.Country;
            contact.CountryCode = profile.CountryCode;
        }

        var phoneRoll = random.Next(10);
        if (phoneRoll > 1)
        {
            contact.Phones.Add(new ContactPhone(PhoneFormatter.Format(profile, random), phoneRoll > 5 ? "Mobile" : "Home"));
            if (phoneRoll > 7)
            {
                contact.Phones.Add(new ContactPhone(PhoneFormatter.Format(profile, random), "Work"));
            }
        }
        else
        {
            contact.NoPhone = phoneRoll == 0;
        }

        var emailRoll = random.Next(20);
        if (emailRoll >= 2)
        {
            string address;
            if (emailRoll < 4 && emails.Count > 0)
            {
                // A duplicate of an earlier customer's email, often cased differently.
                var earlier = emails[random.Next(emails.Count)];
                address = random.Next(2) == 0 ? earlier.ToUpperInvariant() : char.ToUpperInvariant(earlier[0]) + earlier[1..];
            }
            else
            {
                var local = $"{Ascii(first)}.{Ascii(last)}".ToLowerInvariant();
                if (random.Next(3) == 0)
                {
                    local += random.Next(1, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                address = $"{local}@{SampleData.EmailDomains[random.Next(SampleData.EmailDomains.Length)]}";
                if (random.Next(15) == 0)
                {
                    address = char.ToUpperInvariant(address[0]) + address[1..];
                }
            }

            emails.Add(address);
            contact.Emails.Add(new ContactEmail(address, "Primary"));
            if (random.Next(10) == 0)
            {
                contact.Emails.Add(new ContactEmail($"{Ascii(first).ToLowerInvariant()}@work.example.com", "Secondary"));
            }
        }
        else
        {
            contact.NoEmail = emailRoll == 0;
        }

        if (random.Next(25) == 0)
        {
            contact.Websites.Add($"https://{Ascii(last).ToLowerInvariant()}.example.com");
        }

        contact.NoMail = random.Next(4) == 0;
    }

    private static string Ascii(string name)
    {
        var normalized = name.Normalize(System.Text.NormalizationForm.FormD);
        return new string(normalized.Where(char.IsAsciiLetterOrDigit).ToArray());
    }
}
