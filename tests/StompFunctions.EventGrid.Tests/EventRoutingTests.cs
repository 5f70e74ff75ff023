namespace StompFunctions.EventGrid.Tests;

public sealed class EventRoutingTests
{
    private static BinaryData Event(string type, string? subject = null, string source = "/sources/a")
        => Mappings.Json($$"""
            { "specversion": "1.0", "id": "id-1", "source": "{{source}}", "type": "{{type}}"{{(subject is null ? "" : $", \"subject\": \"{subject}\"")}}, "data": {} }
            """);

    [Fact]
    public void A_route_matches_by_exact_type_and_subject_prefix_and_expands_the_subject_into_the_destination()
    {
        var mapping = Mappings.With(o => o.Routes.Add(new EventRoute
        {
            EventType = "Microsoft.Storage.BlobCreated",
            Subject = "/blobServices/default/containers/images/*",
            Destination = "/topic/images{subject}",
        }));

        var result = mapping.Map(Event("Microsoft.Storage.BlobCreated", "/blobServices/default/containers/images/blobs/cat.png"));

        Assert.Equal("/topic/images/blobServices/default/containers/images/blobs/cat.png", Assert.Single(result.Publications).Destination);
    }

    [Fact]
    public void A_route_can_address_a_user_destination_with_the_user_from_the_subject()
    {
        var mapping = Mappings.With(o => o.Routes.Add(new EventRoute { EventType = "Jobs.Done", Destination = "/user{subject}/queue/jobs" }));

        var result = mapping.Map(Event("Jobs.Done", "/alice"));

        Assert.Equal("/user/alice/queue/jobs", Assert.Single(result.Publications).Destination);
    }

    [Fact]
    public void An_event_no_route_matches_goes_to_the_unmatched_destination()
    {
        var mapping = Mappings.With(o => o.Routes.Add(new EventRoute { EventType = "Other", Destination = "/topic/other" }));

        var result = mapping.Map(Event("Microsoft.Storage.BlobDeleted", "/x"));

        Assert.Equal("/topic/events/Microsoft.Storage.BlobDeleted", Assert.Single(result.Publications).Destination);
    }

    [Fact]
    public void With_an_empty_unmatched_destination_unrouted_events_are_dropped_and_counted()
    {
        var mapping = Mappings.With(o =>
        {
            o.UnmatchedDestination = "";
            o.Routes.Add(new EventRoute { EventType = "Wanted", Destination = "/topic/wanted" });
        });

        var result = mapping.Map(Event("Unwanted"));

        Assert.True(result.IsValid);
        Assert.Empty(result.Publications);
        Assert.Equal(1, result.UnroutedCount);
    }

    [Fact]
    public void Every_matching_route_publishes_and_each_distinct_destination_only_once()
    {
        var mapping = Mappings.With(o =>
        {
            o.Routes.Add(new EventRoute { EventType = "Contoso.*", Destination = "/topic/contoso/{type}" });
            o.Routes.Add(new EventRoute { Source = "/sources/*", Destination = "/topic/audit" });
            o.Routes.Add(new EventRoute { EventType = "Contoso.Orders.Created", Destination = "/topic/contoso/{type}" });
        });

        var result = mapping.Map(Event("Contoso.Orders.Created"));

        Assert.Equal(["/topic/contoso/Contoso.Orders.Created", "/topic/audit"], result.Publications.Select(p => p.Destination));
    }

    [Fact]
    public void A_subject_pattern_does_not_match_an_event_without_subject()
    {
        var mapping = Mappings.With(o =>
        {
            o.UnmatchedDestination = "";
            o.Routes.Add(new EventRoute { Subject = "orders/*", Destination = "/topic/orders" });
        });

        Assert.Empty(mapping.Map(Event("t")).Publications);
    }

    [Fact]
    public void Patterns_compare_ordinally_and_case_sensitively()
    {
        var mapping = Mappings.With(o =>
        {
            o.UnmatchedDestination = "";
            o.Routes.Add(new EventRoute { EventType = "contoso.*", Destination = "/topic/x" });
        });

        Assert.Empty(mapping.Map(Event("Contoso.Orders.Created")).Publications);
    }

    [Fact]
    public void All_placeholders_expand_and_unknown_braces_stay_literal()
    {
        var mapping = Mappings.With(o => o.Routes.Add(new EventRoute { Destination = "/topic/{type}/{id}{source}/{other}/{subject}" }));

        var result = mapping.Map(Event("T", "S"));

        Assert.Equal("/topic/T/id-1/sources/a/{other}/S", Assert.Single(result.Publications).Destination);
    }

    [Fact]
    public void An_event_whose_value_holds_a_control_character_is_rejected_rather_than_put_into_a_destination()
    {
        var mapping = Mappings.With(o => o.Routes.Add(new EventRoute { Destination = "/topic/{subject}" }));

        var result = mapping.Map(Event("t", "a\\nreceipt:x"));

        Assert.Empty(result.Publications);
        Assert.Equal(1, result.RejectedCount);
    }

    [Fact]
    public void Event_headers_can_be_turned_off()
    {
        var mapping = Mappings.With(o => o.IncludeEventHeaders = false);

        Assert.Empty(Assert.Single(mapping.Map(Event("t")).Publications).Headers);
    }
}
