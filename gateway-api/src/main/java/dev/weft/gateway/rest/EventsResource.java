package dev.weft.gateway.rest;

import dev.weft.events.EventJson;
import dev.weft.gateway.events.MarbleEventBroadcaster;
import dev.weft.service.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * The marbles ledger events as Server-Sent Events, live from the moment of connection: event name = CloudEvents
 * type, id = CloudEvent id, data = the structured CloudEvent JSON (the same value as on Kafka).
 *
 * <pre>{@code
 * curl -N localhost:8080/api/v1/events -H "X-API-Key: $KEY"
 * # id:3f9a...-0
 * # event:dev.weft.marbles.created.v1
 * # data:{"specversion":"1.0","id":"3f9a...-0","type":"dev.weft.marbles.created.v1","subject":"marble1",...}
 * }</pre>
 */
@Path("/api/v1/events")
@RolesAllowed(Roles.MARBLES_READ)
public class EventsResource {

    private final MarbleEventBroadcaster broadcaster;

    @Context
    Sse sse;

    EventsResource(MarbleEventBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events() {
        return broadcaster
                .events()
                .map(event -> sse.newEventBuilder()
                        .id(event.id())
                        .name(event.type())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(EventJson.write(event))
                        .build());
    }
}
