package io.liqaudit.security;

import io.liqaudit.platform.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The security log, newest first, for administrators. */
@Path("/api/v1/admin/security-log")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SecurityLogResource {

    private final SecurityLog log;

    SecurityLogResource(SecurityLog log) {
        this.log = log;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The most recent entries, newest first",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SecurityLog.LogEntry.class)))
    public Uni<Response> recent(@QueryParam("limit") String limitText) {
        QueryParams params = new QueryParams();
        int limit = params.limit(limitText, 100, 1000);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return log.recent(limit).map(entries -> Response.ok(entries).build());
    }
}
