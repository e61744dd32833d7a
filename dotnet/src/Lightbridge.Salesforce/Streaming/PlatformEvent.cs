using System.Text.Json;

namespace Lightbridge.Salesforce.Streaming;

/// <summary>
/// One platform event delivered over CometD (shared/reference/salesforce-api.md §3.3). <see cref="ReplayId"/> is
/// opaque: store it to resume from, never compute with it; <see cref="EventUuid"/> is the de-duplication key.
/// </summary>
/// <param name="Channel">The channel it came on, e.g. <c>/event/Name__e</c>.</param>
/// <param name="ReplayId">Its replay id (a long: ids may outgrow an int, §3.3).</param>
/// <param name="EventUuid">Its unique id, when the server sent one.</param>
/// <param name="SchemaId">The schema id of the event definition.</param>
/// <param name="Payload">The event's fields (custom fields plus <c>CreatedDate</c> and <c>CreatedById</c>).</param>
public sealed record PlatformEvent(string Channel, long ReplayId, string? EventUuid, string? SchemaId, JsonElement Payload);
