using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>
/// The Contact relation as recorded from the real API (reference section 3, Customer): empty parts are <c>""</c>,
/// <c>Addresses.ContactAddress</c> is always an object (all <c>""</c> when unknown), one email is an object.
/// </summary>
internal static class ContactWriter
{
    public static void Write(Utf8JsonWriter w, ContactRecord c)
    {
        w.WriteStartObject("Contact");
        w.Id("contactID", c.ContactId);
        w.Str("custom", string.Empty);
        w.Bool("noEmail", c.NoEmail);
        w.Bool("noPhone", c.NoPhone);
        w.Bool("noMail", c.NoMail);
        w.WriteStartObject("Addresses");
        w.WriteStartObject("ContactAddress");
        w.Str("address1", c.Address1);
        w.Str("address2", c.Address2);
        w.Str("city", c.City);
        w.Str("state", c.State);
        w.Str("zip", c.Zip);
        w.Str("country", c.Country);
        w.Str("countryCode", c.CountryCode);
        w.Str("stateCode", c.StateCode);
        w.WriteEndObject();
        w.WriteEndObject();
        w.OneOrMany("Phones", "ContactPhone", c.Phones, emptyAsString: true, static (w, p) =>
        {
            w.WriteStartObject();
            w.Str("number", p.Number);
            w.Str("useType", p.UseType);
            w.WriteEndObject();
        });
        w.OneOrMany("Emails", "ContactEmail", c.Emails, emptyAsString: true, static (w, e) =>
        {
            w.WriteStartObject();
            w.Str("address", e.Address);
            w.Str("useType", e.UseType);
            w.WriteEndObject();
        });
        w.OneOrMany("Websites", "ContactWebsite", c.Websites, emptyAsString: true, static (w, u) =>
        {
            w.WriteStartObject();
            w.Str("url", u);
            w.WriteEndObject();
        });
        w.Time("timeStamp", c.TimeStamp);
        w.WriteEndObject();
    }
}
