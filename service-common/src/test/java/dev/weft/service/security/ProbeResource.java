package dev.weft.service.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** One endpoint per role, answering with the caller's name; and one without annotation, which must be refused. */
@Path("/probe")
public class ProbeResource {

    @GET
    @Path("/read")
    @RolesAllowed(Roles.MARBLES_READ)
    public String read(@Context SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }

    @GET
    @Path("/network")
    @RolesAllowed(Roles.NETWORK_ADMIN)
    public String network(@Context SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }

    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "open";
    }
}
