using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.State;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Where each synced Lightspeed customer lives in Salesforce: written by the customer pipeline after every customer it
/// writes (collapsed duplicates and email or phone matches included, whose record may carry another customer's external
/// id), read by the sale pipeline to link a sale to its Contact or Lead by Salesforce id.
/// </summary>
/// <remarks>
/// Kept in the synced-record map under the sObject the customer was written to. A Lead converted since it was linked
/// resolves to its Contact through the identity index, which the index refresh keeps current.
/// </remarks>
internal sealed class CustomerLinks
{
    private readonly StateStore _state;

    public CustomerLinks(StateStore state)
    {
        _state = state;
    }

    /// <summary>Records that customer <paramref name="customer"/> was written to <paramref name="id"/> of <paramref name="objectType"/>.</summary>
    public void Record(ExternalId customer, CustomerObjectType objectType, SalesforceId id)
    {
        var (write, other) = objectType == CustomerObjectType.Contact
            ? (SalesforceSchema.Contact.ObjectName, SalesforceSchema.Lead.ObjectName)
            : (SalesforceSchema.Lead.ObjectName, SalesforceSchema.Contact.ObjectName);
        _state.SyncedRecords.Set(write, customer.Value, id.Value);
        _state.SyncedRecords.Remove(other, customer.Value);
    }

    /// <summary>Records many links.</summary>
    public void RecordMany(IEnumerable<(ExternalId Customer, CustomerObjectType ObjectType, SalesforceId Id)> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links)
        {
            Record(link.Customer, link.ObjectType, link.Id);
        }
    }

    /// <summary>The record <paramref name="customer"/> was written to, following a converted Lead; null when never synced.</summary>
    public CustomerLink? Find(ExternalId customer)
    {
        if (_state.SyncedRecords.Get(SalesforceSchema.Contact.ObjectName, customer.Value) is { } contactId)
        {
            return new CustomerLink(CustomerObjectType.Contact, SalesforceId.Parse(contactId));
        }

        if (_state.SyncedRecords.Get(SalesforceSchema.Lead.ObjectName, customer.Value) is not { } leadId)
        {
            return null;
        }

        return _state.Identities.Get(leadId) is { IsConverted: true, ConvertedContactId: { } converted }
            ? new CustomerLink(CustomerObjectType.Contact, SalesforceId.Parse(converted))
            : new CustomerLink(CustomerObjectType.Lead, SalesforceId.Parse(leadId));
    }
}
