namespace StompFunctions.Broker.Ports;

/// <summary>The ordinary outcomes of a conditional or targeted store write (an outage is an exception instead).</summary>
public enum StoreOutcome
{
    /// <summary>The write was applied.</summary>
    Ok,

    /// <summary>The row did not exist (HTTP 404 in Table Storage).</summary>
    NotFound,

    /// <summary>The row changed since its ETag was read (HTTP 412): someone else wrote it first.</summary>
    Conflict,
}
