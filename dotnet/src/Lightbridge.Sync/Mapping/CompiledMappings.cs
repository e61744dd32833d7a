using Lightbridge.Core.Mapping;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// The mappings in force for this run: the shipped file's profile with the operator's overrides applied, every template
/// compiled. Built once at start by <see cref="MappingCompiler"/>; thread-safe to map with.
/// </summary>
public sealed class CompiledMappings
{
    internal CompiledMappings(
        MappingProfile profile,
        ObjectMapping<NormalizedShop> store,
        ObjectMapping<NormalizedItem> product,
        ObjectMapping<NormalizedItemShop> inventory,
        ObjectMapping<NormalizedCustomer> contact,
        ObjectMapping<NormalizedCustomer> lead,
        ObjectMapping<SaleMappingSource> sale,
        ObjectMapping<NormalizedSaleLine> saleLine,
        ObjectMapping<NormalizedSalePayment>? payment,
        ObjectMapping<NormalizedItem>? standardPrice)
    {
        Profile = profile;
        Store = store;
        Product = product;
        Inventory = inventory;
        Contact = contact;
        Lead = lead;
        Sale = sale;
        SaleLine = saleLine;
        Payment = payment;
        StandardPrice = standardPrice;
    }

    /// <summary>The profile in force.</summary>
    public MappingProfile Profile { get; }

    /// <summary>Shop → <c>Lightspeed_Store__c</c>.</summary>
    public ObjectMapping<NormalizedShop> Store { get; }

    /// <summary>Item → <c>Product2</c>.</summary>
    public ObjectMapping<NormalizedItem> Product { get; }

    /// <summary>ItemShop → <c>Lightspeed_Inventory__c</c>.</summary>
    public ObjectMapping<NormalizedItemShop> Inventory { get; }

    /// <summary>Customer → <c>Contact</c>.</summary>
    public ObjectMapping<NormalizedCustomer> Contact { get; }

    /// <summary>Customer → <c>Lead</c>.</summary>
    public ObjectMapping<NormalizedCustomer> Lead { get; }

    /// <summary>Sale → <c>Lightspeed_Sale__c</c>, or <c>Opportunity</c> under <see cref="MappingProfile.Opportunity"/>.</summary>
    public ObjectMapping<SaleMappingSource> Sale { get; }

    /// <summary>SaleLine → <c>Lightspeed_Sale_Line__c</c>, or <c>OpportunityLineItem</c> under <see cref="MappingProfile.Opportunity"/>.</summary>
    public ObjectMapping<NormalizedSaleLine> SaleLine { get; }

    /// <summary>SalePayment → <c>Lightspeed_Payment__c</c>; null when the profile writes no payments (Opportunity).</summary>
    public ObjectMapping<NormalizedSalePayment>? Payment { get; }

    /// <summary>
    /// Item → its standard <c>PricebookEntry</c> (the price book is set when loading), under
    /// <see cref="MappingProfile.Opportunity"/>: line items need their product priced; null under the other profile.
    /// </summary>
    public ObjectMapping<NormalizedItem>? StandardPrice { get; }
}
