package io.liqaudit.portal;

import io.liqaudit.platform.http.CsvExport;
import io.liqaudit.fund.FundChain;
import io.liqaudit.fund.FundLedgerQueries;
import io.liqaudit.platform.CsvCells;
import io.liqaudit.platform.Timestamps;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A fund's ledger in the portal: events and movements in time order, running balances, breaks highlighted; or as CSV. */
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

    /** The fund's whole ledger as CSV, in time order. */
    @GET
    @Path("{fundId}.csv")
    @Produces("text/csv")
    public Multi<String> csv(@PathParam("fundId") String fundId) {
        QueryParams params = new QueryParams();
        params.identifier("fundId", fundId);
        if (!params.ok()) {
            throw new WebApplicationException(params.invalid());
        }
        return CsvExport.of("fund-" + fundId + ".csv",
                "occurredAt,kind,reference,sequence,statedBalanceBefore,expectedBalanceBefore,change,balanceAfter,break\r\n",
                (FundLedgerQueries.Key after) -> ledger.page(fundId, after, CsvExport.PAGE),
                (FundChain.Link last) -> FundLedgerQueries.Key.after(last.element()), FundPages::lines);
    }

    private static String lines(List<FundChain.Link> links) {
        StringBuilder out = new StringBuilder();
        for (FundChain.Link l : links) {
            FundChain.Element e = l.element();
            boolean event = e.kind() == FundChain.Kind.EVENT;
            out.append(Timestamps.format(e.occurredAt())).append(',').append(e.kind()).append(',')
                    .append(CsvCells.text(e.reference())).append(',').append(event ? String.valueOf(e.ref()) : "").append(',')
                    .append(plain(e.stated())).append(',').append(plain(l.expectedBefore())).append(',')
                    .append(plain(e.delta())).append(',').append(plain(l.balanceAfter())).append(',')
                    .append(l.discontinuity()).append("\r\n");
        }
        return out.toString();
    }

    private static String plain(java.math.BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
