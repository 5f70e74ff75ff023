using Microsoft.Azure.Functions.Worker;
using StompFunctions.Broker.Collector;

namespace StompFunctions.Functions.Triggers;

/// <summary>
/// Removes members of connections that vanished without a disconnected event, and routes left
/// without members, on the COLLECTOR_SCHEDULE CRON schedule. Safe to run anywhere, any number of times.
/// </summary>
public sealed class CollectorFunction(StompRouteCollector collector)
{
    [Function(FunctionNames.Collector)]
    public async Task RunAsync([TimerTrigger("%" + AppSettingNames.CollectorSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await collector.CollectAsync(cancellationToken);
    }
}
