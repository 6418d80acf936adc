package io.liqaudit.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import io.liqaudit.platform.QueryParams;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;

/** The security log, newest first, for administrators. */
@Path("/api/v1/admin/security-log")
@jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SecurityLogResource {

    public record LogEntry(long id, OffsetDateTime occurredAt, String actor, String action, String subject,
            String remoteAddress, String detail) {
    }

    private final Pool pool;

    SecurityLogResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    public Uni<Response> recent(@QueryParam("limit") String limitText) {
        QueryParams params = new QueryParams();
        int limit = params.limit(limitText, 100, 1000);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return pool.preparedQuery("select id, occurred_at, actor, action, subject, remote_address, detail "
                        + "from security_log order by id desc limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> new LogEntry(r.getLong("id"), r.getOffsetDateTime("occurred_at"), r.getString("actor"),
                                r.getString("action"), r.getString("subject"), r.getString("remote_address"),
                                r.getString("detail")))
                        .toList())
                .map(entries -> Response.ok(entries).build());
    }
}
