namespace Lightbridge.Core.Model;

/// <summary>A way of paying configured in the account (cash, card, gift card, ...).</summary>
/// <param name="Id">The Lightspeed paymentType id.</param>
/// <param name="Name">The name shown on receipts.</param>
/// <param name="Kind">The kind of payment.</param>
/// <param name="Archived">Whether the payment type is archived.</param>
public sealed record PaymentType(LightspeedId Id, string Name, PaymentKind Kind, bool Archived);
