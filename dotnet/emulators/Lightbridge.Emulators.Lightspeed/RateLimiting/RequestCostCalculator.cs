using Lightbridge.Emulators.Lightspeed.Query;

namespace Lightbridge.Emulators.Lightspeed.RateLimiting;

/// <summary>
/// Request cost in drips per the 2026 model (shared/reference/lightspeed-api.md section 5): 1 per request;
/// <c>load_relations</c> +0.1 per to-one and +0.2 per to-many relation, doubled on list endpoints and doubled
/// again under a to-many parent; <c>count=1</c> costs 10; an <c>or</c> spanning several fields +1 per operand.
/// </summary>
internal static class RequestCostCalculator
{
    public const decimal Base = 1m;
    public const decimal Count = 10m;

    public static decimal Compute(IEntityDefinition? entity, ListRequest? request, bool isList)
    {
        if (entity is null || request is null)
        {
            return Base;
        }

        if (request.Count)
        {
            return Count;
        }

        var cost = Base;
        foreach (var name in request.Relations)
        {
            var relation = entity.Relations.First(r => r.Name == name);
            var add = relation.ToMany ? 0.2m : 0.1m;
            if (relation.Parent is not null && entity.Relations.First(r => r.Name == relation.Parent).ToMany)
            {
                add *= 2;
            }

            if (isList)
            {
                add *= 2;
            }

            cost += add;
        }

        if (request.OrConditions.Select(c => c.Field).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            cost += request.OrConditions.Count;
        }

        return cost;
    }
}
