package io.liqaudit.portal;

import io.liqaudit.fund.FundChain;
import io.liqaudit.fund.FundLedgerQueries;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A fund's ledger in the portal: events and movements in time order, running balances, breaks highlighted. */
@Path("/portal/funds")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public class FundPages {

    private static final int PAGE = 100;

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance fund(String username, String fundId, List<FundChain.Link> entries, String nextCursor);
    }

    private final FundLedgerQueries ledger;
    private final SecurityIdentity identity;

    FundPages(FundLedgerQueries ledger, SecurityIdentity identity) {
        this.ledger = ledger;
        this.identity = identity;
    }

    @GET
    @Path("{fundId}")
    public Uni<Response> fund(@PathParam("fundId") String fundId, @QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        params.identifier("fundId", fundId);
        FundLedgerQueries.Key after = FundLedgerQueries.Key.parse(cursor, params);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return ledger.page(fundId, after, PAGE + 1).map(links -> {
            boolean more = links.size() > PAGE;
            List<FundChain.Link> page = more ? links.subList(0, PAGE) : links;
            String next = more ? FundLedgerQueries.Key.after(page.get(page.size() - 1).element()).cursor() : null;
            return Response.ok(Templates.fund(identity.getPrincipal().getName(), fundId, page, next)).build();
        });
    }
}
