package io.liqaudit.portal;

import io.liqaudit.platform.http.CsvExport;
import io.liqaudit.cases.CaseView;
import io.liqaudit.cases.Cases;
import io.liqaudit.engine.MarginMode;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.PolicyMode;
import io.liqaudit.engine.Verdict;
import io.liqaudit.liquidation.EventSearch;
import io.liqaudit.liquidation.EventSearchQueries;
import io.liqaudit.liquidation.EventSort;
import io.liqaudit.liquidation.SearchParams;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.security.Identities;
import io.liqaudit.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Event search for auditors: an ordinary GET form (bookmarkable, no script), a page of results
 * with a keyset link to the next (each event with its case, which can be assigned or acknowledged
 * in bulk), and the whole result as CSV, streamed page by page.
 */
@Path("/portal")
@RolesAllowed(Roles.AUDITOR)
public class SearchPages {

    static final int PAGE = 50;

    /** The form's choices: what each pick list offers. */
    public record Choices(EventSearchQueries.PickLists known, List<Verdict> verdicts, List<String> findings,
            List<String> fields, List<PolicyMode> policies, List<MarginMode> marginModes, List<Outcome> outcomes,
            List<EventSort> sorts) {
    }

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance events(String username, SearchParams form, Choices choices,
                List<EventSearchQueries.EventSummary> events, Map<Long, CaseView> cases, String query, String nextCursor);
    }

    /** Reported fields a recomputation can disagree with; steps by number are typed, or "any step" picked. */
    private static final List<String> FIELDS = List.of("markPrice", "liquidationPrice", "bankruptcyPrice", "outcome",
            "liquidatedQuantity", "totalFee", "excessEquity", "traderReturn", "bankruptcyLoss", "insuranceFundDelta",
            "adlShortfall", "steps[*].fee", "steps[1].fee", "steps[2].fee", "steps[3].fee");

    private final EventSearchQueries searches;
    private final Cases cases;
    private final SecurityIdentity identity;

    SearchPages(EventSearchQueries searches, Cases cases, SecurityIdentity identity) {
        this.cases = cases;
        this.searches = searches;
        this.identity = identity;
    }

    @GET
    @Path("events")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> events(@BeanParam SearchParams form) {
        QueryParams params = new QueryParams();
        EventSearch search = form.forPortal(params, Identities.venueScope(identity).orElse(null));
        EventSearchQueries.Position after = form.position(params, search.sort());
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return searches.pickLists().chain(known -> searches.page(search, after, PAGE).chain(page -> cases.ofEvents(
                page.items().stream().map(EventSearchQueries.EventSummary::sequence).toList()).map(caseOf -> Response.ok(
                Templates.events(identity.getPrincipal().getName(), form, new Choices(known, List.of(Verdict.values()),
                        SearchParams.findingCodes(), FIELDS, List.of(PolicyMode.values()), List.of(MarginMode.values()),
                        List.of(Outcome.values()), List.of(EventSort.values())), page.items(), caseOf, form.queryString(),
                        page.next() == null ? null : page.next().cursor())).build())));
    }

    /** The whole result of the same search as CSV, read and sent a thousand events at a time. */
    @GET
    @Path("events.csv")
    @Produces("text/csv")
    public Multi<String> csv(@BeanParam SearchParams form) {
        QueryParams params = new QueryParams();
        EventSearch search = form.forPortal(params, Identities.venueScope(identity).orElse(null));
        if (!params.ok()) {
            throw new WebApplicationException(params.invalid());
        }
        return CsvExport.of("events.csv", EventCsv.HEADER,
                (EventSearchQueries.Position after) -> searches.page(search, after, CsvExport.PAGE).map(EventSearchQueries.Page::items),
                (EventSearchQueries.EventSummary last) -> EventSearchQueries.Position.after(search.sort(), last), EventCsv::lines);
    }
}
