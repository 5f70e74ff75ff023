namespace StompFunctions.Functions.Tests.Infrastructure;

/// <summary>Waits, bounded in count and time, for something that happens after an event the test cannot await.</summary>
internal static class Eventually
{
    private const int MaxAttempts = 100;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(Pause);
        }

        return false;
    }
}
