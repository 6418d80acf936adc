package io.liqaudit.portal;

import io.liqaudit.platform.http.CsvExport;
import io.liqaudit.platform.CsvCells;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Refused submissions: every time an identity already recorded was sent with other content (the
 * stored record stands). Newest first, a keyset page at a time, or all of it as CSV.
 */
@Path("/portal")
@RolesAllowed(Roles.AUDITOR)
public class RefusedPages {

    private static final int PAGE = 50;

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance refused(String username, List<HomeQueries.Refused> refused, String nextCursor);
    }

    private final HomeQueries queries;
    private final SecurityIdentity identity;

    RefusedPages(HomeQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @Path("refused")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> refused(@QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        Long before = params.numberCursor(cursor);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return queries.refused(before, PAGE + 1).map(rows -> {
            boolean more = rows.size() > PAGE;
            List<HomeQueries.Refused> page = more ? rows.subList(0, PAGE) : rows;
            String next = more ? Cursor.encode(String.valueOf(page.get(page.size() - 1).id())) : null;
            return Response.ok(Templates.refused(identity.getPrincipal().getName(), page, next)).build();
        });
    }

    @GET
    @Path("refused.csv")
    @Produces("text/csv")
    public Multi<String> csv(@QueryParam("cursor") String cursor) {
        if (cursor != null) {
            QueryParams params = new QueryParams();
            params.problem("cursor", "the export is the whole list; it takes no cursor");
            throw new WebApplicationException(params.invalid());
        }
        return CsvExport.of("refused-submissions.csv", "id,refusedAt,submittedBy,kind,identity\r\n",
                (Long before) -> queries.refused(before, CsvExport.PAGE), HomeQueries.Refused::id, RefusedPages::lines);
    }

    private static String lines(List<HomeQueries.Refused> rows) {
        StringBuilder out = new StringBuilder();
        for (HomeQueries.Refused r : rows) {
            out.append(r.id()).append(',').append(r.at()).append(',').append(CsvCells.text(r.by())).append(',')
                    .append(r.kind()).append(',').append(CsvCells.text(r.identity())).append("\r\n");
        }
        return out.toString();
    }
}
