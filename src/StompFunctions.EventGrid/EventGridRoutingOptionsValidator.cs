using Microsoft.Extensions.Options;
using StompFunctions.EventGrid.Routing;

namespace StompFunctions.EventGrid;

/// <summary>Rejects a mapping that could never work at start-up, naming the route at fault.</summary>
internal sealed class EventGridRoutingOptionsValidator : IValidateOptions<EventGridRoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, EventGridRoutingOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            if (!IsDestinationTemplate(route.Destination))
            {
                failures.Add($"EventGrid:Routes:{i}:Destination must be a destination starting with '/', e.g. /topic/events/{{type}}.");
            }

            foreach (var (key, pattern) in new[] { ("EventType", route.EventType), ("Subject", route.Subject), ("Source", route.Source) })
            {
                if (!EventPattern.IsValid(pattern))
                {
                    failures.Add($"EventGrid:Routes:{i}:{key} may hold '*' only as its last character.");
                }
            }
        }

        if (!string.IsNullOrEmpty(options.UnmatchedDestination) && !IsDestinationTemplate(options.UnmatchedDestination))
        {
            failures.Add("EventGrid:UnmatchedDestination must be empty or a destination starting with '/'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsDestinationTemplate(string? template)
        => !string.IsNullOrEmpty(template) && template[0] == '/' && !template.Any(char.IsControl);
}
