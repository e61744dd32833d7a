using System.Text.Json;
using Lightbridge.Emulators.Lightspeed.Data;

namespace Lightbridge.Emulators.Lightspeed.Wire;

/// <summary>A Customer object (reference section 3, Customer); <c>dob</c> is left out when unknown.</summary>
internal static class CustomerWriter
{
    public static void Write(Utf8JsonWriter w, CustomerRecord c, bool withContact)
    {
        w.WriteStartObject();
        WriteFields(w, c, withContact);
        w.WriteEndObject();
    }

    public static void WriteFields(Utf8JsonWriter w, CustomerRecord c, bool withContact)
    {
        w.Id("customerID", c.CustomerId);
        w.Str("firstName", c.FirstName);
        w.Str("lastName", c.LastName);
        if (c.Dob is { } dob)
        {
            w.Time("dob", dob);
        }

        w.Bool("archived", c.Archived);
        w.Str("title", c.Title);
        w.Str("company", c.Company);
        w.Str("companyRegistrationNumber", string.Empty);
        w.Str("vatNumber", string.Empty);
        w.Time("createTime", c.CreateTime);
        w.Time("timeStamp", c.TimeStamp);
        w.Id("contactID", c.Contact.ContactId);
        w.Id("creditAccountID", c.CreditAccountId);
        w.Id("customerTypeID", c.CustomerTypeId);
        w.Id("discountID", c.DiscountId);
        w.Id("taxCategoryID", c.TaxCategoryId);
        if (withContact)
        {
            ContactWriter.Write(w, c.Contact);
        }
    }
}
