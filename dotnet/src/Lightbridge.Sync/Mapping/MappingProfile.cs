namespace Lightbridge.Sync.Mapping;

/// <summary>Which Salesforce objects sales land in (configuration <c>Mapping:Profile</c>).</summary>
public enum MappingProfile
{
    /// <summary>The package's objects: <c>Lightspeed_Sale__c</c>, <c>Lightspeed_Sale_Line__c</c>, <c>Lightspeed_Payment__c</c>. The default.</summary>
    CustomObjects = 0,

    /// <summary>Standard <c>Opportunity</c> and <c>OpportunityLineItem</c> instead of the sale objects; payments are not written.</summary>
    Opportunity,
}
