namespace Lightbridge.Core.Model;

/// <summary>The use of a customer phone number (Lightspeed <c>ContactPhone.useType</c>).</summary>
public enum PhoneUseType
{
    /// <summary>A use type this version does not know.</summary>
    Other = 0,

    /// <summary><c>Home</c>.</summary>
    Home,

    /// <summary><c>Work</c>.</summary>
    Work,

    /// <summary><c>Mobile</c>.</summary>
    Mobile,

    /// <summary><c>Pager</c>.</summary>
    Pager,

    /// <summary><c>Fax</c>.</summary>
    Fax,
}
