namespace StompFunctions.EventGrid.Webhook;

/// <summary>Why the Event Grid webhook refused a request; <see cref="WebhookProblems"/> holds the one message of each.</summary>
public enum WebhookProblem
{
    /// <summary>A method other than OPTIONS (validation) or POST (events).</summary>
    MethodNotAllowed,

    /// <summary>The CloudEvents validation request names no origin.</summary>
    MissingOrigin,

    /// <summary>The CloudEvents validation request comes from an origin not configured as allowed.</summary>
    OriginNotAllowed,

    /// <summary>The delivery is larger than Event Grid ever sends.</summary>
    TooLarge,

    /// <summary>The delivery is no event in either schema.</summary>
    Unreadable,

    /// <summary>The subscription store or the gateway failed; Event Grid retries the delivery.</summary>
    Unavailable,
}

/// <summary>The message table of <see cref="WebhookProblem"/>: the text and HTTP status of each.</summary>
public static class WebhookProblems
{
    /// <summary>The HTTP status a problem is answered with (Event Grid retries 503 and never 400, 403, 405 or 413).</summary>
    public static int Status(WebhookProblem problem) => problem switch
    {
        WebhookProblem.MethodNotAllowed => 405,
        WebhookProblem.MissingOrigin => 400,
        WebhookProblem.OriginNotAllowed => 403,
        WebhookProblem.TooLarge => 413,
        WebhookProblem.Unreadable => 400,
        WebhookProblem.Unavailable => 503,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };

    /// <summary>The plain-text answer to a refused request.</summary>
    public static string Message(WebhookProblem problem) => problem switch
    {
        WebhookProblem.MethodNotAllowed => "Event Grid validates this endpoint with OPTIONS and delivers events with POST.",
        WebhookProblem.MissingOrigin => "The validation request has no WebHook-Request-Origin header.",
        WebhookProblem.OriginNotAllowed => "This endpoint accepts events only from the origins in EventGrid:WebhookAllowedOrigins.",
        WebhookProblem.TooLarge => $"A delivery may hold at most {EventGridWebhookHandler.MaxDeliveryBytes} bytes.",
        WebhookProblem.Unreadable => "The delivery is not a CloudEvents 1.0 or Event Grid schema event or batch.",
        WebhookProblem.Unavailable => "The subscription store or the gateway is unavailable; retry later.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
