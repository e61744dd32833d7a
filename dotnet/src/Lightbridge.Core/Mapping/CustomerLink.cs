using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;

namespace Lightbridge.Core.Mapping;

/// <summary>The Salesforce record a sale's customer resolved to, from the identity index.</summary>
/// <param name="ObjectType">Whether the sale links through <c>Contact__c</c> or <c>Lead__c</c>.</param>
/// <param name="Id">
/// The record's id when the index knows it. It is preferred over the external id: a customer collapsed into another
/// shopper's record, or matched by email, may not carry its own external id on that record.
/// </param>
public sealed record CustomerLink(CustomerObjectType ObjectType, SalesforceId? Id);
