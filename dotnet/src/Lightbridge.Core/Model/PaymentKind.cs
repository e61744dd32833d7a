namespace Lightbridge.Core.Model;

/// <summary>The kind of a payment type (Lightspeed <c>PaymentType.type</c>).</summary>
public enum PaymentKind
{
    /// <summary>A value this version does not know.</summary>
    Unknown = 0,

    /// <summary><c>cash</c>.</summary>
    Cash,

    /// <summary><c>credit card</c>.</summary>
    CreditCard,

    /// <summary><c>gift card</c>.</summary>
    GiftCard,

    /// <summary><c>credit account</c>.</summary>
    CreditAccount,

    /// <summary><c>ecom</c>.</summary>
    Ecom,

    /// <summary><c>adjustment</c>.</summary>
    Adjustment,

    /// <summary><c>user defined</c>.</summary>
    UserDefined,
}
