namespace Lightbridge.Core.Matching;

/// <summary>A way of finding a customer's Salesforce record; rules are tried in the configured order (DESIGN.md, "Customer matching").</summary>
public enum MatchingRule
{
    /// <summary><c>Lightspeed_Customer_Id__c</c> on Contact or Lead equals the customer's external id.</summary>
    ExternalId = 0,

    /// <summary>A normalized email of the customer equals the record's email.</summary>
    Email,

    /// <summary>An E.164 phone of the customer equals one of the record's phones.</summary>
    Phone,
}
