package io.liqaudit.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;

/** The security log, newest first, for administrators. */
@Path("/api/v1/admin/security-log")
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
    public Uni<List<LogEntry>> recent(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return pool.preparedQuery("select id, occurred_at, actor, action, subject, remote_address, detail "
                        + "from security_log order by id desc limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> new LogEntry(r.getLong("id"), r.getOffsetDateTime("occurred_at"), r.getString("actor"),
                                r.getString("action"), r.getString("subject"), r.getString("remote_address"),
                                r.getString("detail")))
                        .toList());
    }
}
