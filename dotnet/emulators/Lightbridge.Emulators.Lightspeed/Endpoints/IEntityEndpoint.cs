using Lightbridge.Emulators.Lightspeed.Data;
using Lightbridge.Emulators.Lightspeed.Query;

namespace Lightbridge.Emulators.Lightspeed.Endpoints;

/// <summary>An entity endpoint the router can serve without knowing its record type.</summary>
internal interface IEntityEndpoint : IEntityDefinition
{
    /// <summary>Serves a list GET; <paramref name="pageUrl"/> turns a cursor parameter (<c>after=…</c>) into a full URL.</summary>
    ApiResult List(EmulatorStore store, ListRequest request, Func<string, string> pageUrl);

    /// <summary>Serves <c>/{Entity}/{id}.json</c>.</summary>
    ApiResult Single(EmulatorStore store, int id, ListRequest request);
}
