package io.liqaudit.liquidation;

import io.liqaudit.engine.FindingCode;
import io.liqaudit.engine.MarginMode;
import io.liqaudit.engine.Outcome;
import io.liqaudit.engine.PolicyMode;
import io.liqaudit.engine.Verdict;
import io.liqaudit.platform.http.Cursor;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.rules.RuleComparison;
import io.liqaudit.standing.FundChainFinding;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The query parameters of an event search, as the REST listing and the portal's search form send
 * them, read by one set of rules into an {@link EventSearch}: each bad one is named in the 400.
 * The portal's form sends every field, empty when unused, and days rather than instants for the
 * time range; {@link #forPortal} reads it so.
 */
public class SearchParams {

    /** A reported field, or a step's: "totalFee", "steps[2].fee", "steps[*].fee". */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z]{1,40}|steps\\[(\\d{1,4}|\\*)\\]\\.[A-Za-z]{1,40}");

    @QueryParam("venue") public String venue;
    @QueryParam("symbol") public String symbol;
    @QueryParam("accountRef") public String accountRef;
    @QueryParam("fundId") public String fundId;
    @QueryParam("verdict") public String verdict;
    @QueryParam("finding") public String finding;
    @QueryParam("differingField") public String differingField;
    @QueryParam("policy") public String policy;
    @QueryParam("marginMode") public String marginMode;
    @QueryParam("outcome") public String outcome;
    @QueryParam("eventId") public String eventId;
    @QueryParam("from") public String from;
    @QueryParam("to") public String to;
    @QueryParam("sort") public String sort;
    @QueryParam("cursor") public String cursor;

    /**
     * The search these parameters ask for; a venue-scoped caller ({@code scope} not null) searches
     * its own venue only and naming another is a problem.
     */
    public EventSearch search(QueryParams params, String scope) {
        if (scope != null && venue != null && !venue.equals(scope)) {
            params.problem("venue", "this API key reads venue " + scope + " only");
        }
        EventSort order = sort == null ? EventSort.RECORDED : EventSort.ofWire(sort);
        if (order == null) {
            params.problem("sort", "must be one of recorded, time, amount");
        }
        return new EventSearch(scope != null ? scope : params.identifier("venue", venue), params.identifier("symbol", symbol),
                params.identifier("accountRef", accountRef), params.identifier("fundId", fundId),
                params.constant("verdict", verdict, Verdict.class), findingCode(params, finding),
                field(params, differingField), params.constant("policy", policy, PolicyMode.class),
                params.constant("marginMode", marginMode, MarginMode.class), params.constant("outcome", outcome, Outcome.class),
                params.identifier("eventId", eventId), params.time("from", from), params.time("to", to), order);
    }

    /**
     * The portal's form: empty fields are unused ones, and {@code from}/{@code to} are days (UTC),
     * both included, as a person picks them in a date field.
     */
    public EventSearch forPortal(QueryParams params, String scope) {
        String fromDay = blankToNull(from);
        String toDay = blankToNull(to);
        SearchParams plain = copyWithoutBlanks();
        plain.from = null;
        plain.to = null;
        EventSearch s = plain.search(params, scope);
        OffsetDateTime start = params.dayStart("from", fromDay, 0);
        OffsetDateTime end = params.dayStart("to", toDay, 1);
        return new EventSearch(s.venue(), s.symbol(), s.accountRef(), s.fundId(), s.verdict(), s.finding(),
                s.differingField(), s.policy(), s.marginMode(), s.outcome(), s.eventId(), start, end, s.sort());
    }

    /** The keyset position after which the next page starts, for this search's order; null on the first page. */
    public EventSearchQueries.Position position(QueryParams params, EventSort order) {
        String raw = blankToNull(cursor);
        if (raw == null) {
            return null;
        }
        if (order == EventSort.RECORDED) {
            Long sequence = params.numberCursor(raw);
            return sequence == null ? null : new EventSearchQueries.Position(null, sequence);
        }
        EventSearchQueries.Position p = Cursor.decode(raw, 2).flatMap(parts -> EventSearchQueries.Position.parse(order, parts))
                .orElse(null);
        if (p == null) {
            params.problem("cursor", Cursor.PROBLEM);
        }
        return p;
    }

    /** The parameters as a query string (no cursor), for links to other pages and the CSV export of the same search. */
    public String queryString() {
        StringBuilder out = new StringBuilder();
        String[][] pairs = {{"venue", venue}, {"symbol", symbol}, {"accountRef", accountRef}, {"fundId", fundId},
            {"verdict", verdict}, {"finding", finding}, {"differingField", differingField}, {"policy", policy},
            {"marginMode", marginMode}, {"outcome", outcome}, {"eventId", eventId}, {"from", from}, {"to", to},
            {"sort", sort}};
        for (String[] pair : pairs) {
            if (blankToNull(pair[1]) != null) {
                out.append(out.length() == 0 ? "" : "&").append(pair[0]).append('=')
                        .append(java.net.URLEncoder.encode(pair[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private SearchParams copyWithoutBlanks() {
        SearchParams c = new SearchParams();
        c.venue = blankToNull(venue);
        c.symbol = blankToNull(symbol);
        c.accountRef = blankToNull(accountRef);
        c.fundId = blankToNull(fundId);
        c.verdict = blankToNull(verdict);
        c.finding = blankToNull(finding);
        c.differingField = blankToNull(differingField);
        c.policy = blankToNull(policy);
        c.marginMode = blankToNull(marginMode);
        c.outcome = blankToNull(outcome);
        c.eventId = blankToNull(eventId);
        c.sort = blankToNull(sort);
        c.cursor = blankToNull(cursor);
        return c;
    }

    /** An engine finding code, or the fund chain's, or the published rules'. */
    static String findingCode(QueryParams params, String finding) {
        for (FundChainFinding f : FundChainFinding.values()) {
            if (f.name().equals(finding)) {
                return finding;
            }
        }
        for (RuleComparison.Code c : RuleComparison.Code.values()) {
            if (c.name().equals(finding)) {
                return finding;
            }
        }
        FindingCode code = params.constant("finding", finding, FindingCode.class);
        return code == null ? null : code.name();
    }

    /** Every finding code a search can name: the engine's, the fund chain's and the published rules'. */
    public static List<String> findingCodes() {
        List<String> out = new java.util.ArrayList<>();
        for (FindingCode c : FindingCode.values()) {
            out.add(c.name());
        }
        for (FundChainFinding f : FundChainFinding.values()) {
            out.add(f.name());
        }
        for (RuleComparison.Code c : RuleComparison.Code.values()) {
            out.add(c.name());
        }
        return out;
    }

    private static String field(QueryParams params, String raw) {
        if (raw == null) {
            return null;
        }
        if (!FIELD.matcher(raw).matches()) {
            params.problem("differingField", "must name a reported field, such as totalFee, steps[2].fee or steps[*].fee");
            return null;
        }
        return raw;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
