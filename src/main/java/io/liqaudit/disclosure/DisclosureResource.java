package io.liqaudit.disclosure;

import io.liqaudit.standing.Totals;
import io.liqaudit.engine.LiquidationEngine;
import io.liqaudit.ledger.Checkpoints;
import io.liqaudit.platform.LiqauditConfig;
import io.liqaudit.platform.StartupWork;
import java.util.function.Supplier;
import io.liqaudit.platform.http.QueryParams;
import io.liqaudit.platform.problem.Problem;
import io.liqaudit.platform.problem.ProblemResponses;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The public disclosure pages (MiCA-style): what happened to liquidated positions and the
 * insurance funds, from our recomputations, never from what venues reported. Public, no script.
 */
@Path("/disclosures")
@PermitAll
public class DisclosureResource {

    static final int REGISTER_PAGE = 100;

    /**
     * What every page states: its scope, the engine that computed its figures, the checkpoint it
     * covers, the first day not yet published when the period reaches into the delay (else null), and
     * whether the figures are still loading (what is loaded so far; else null), and the currency its
     * amounts are in.
     */
    public record Header(Scope scope, String page, String engineVersion, Long treeSize, String rootHash, LocalDate publishedUntil,
            String delay, DisclosureQueries.Known known, String loading, CurrencyChoice currency) {
        public String query() {
            return scope.query();
        }

        /** Whether the whole period is still within the delay (nothing of it is shown). */
        public boolean nothingPublished() {
            return publishedUntil != null && !scope.period().from().isBefore(publishedUntil);
        }
    }

    public record Row(String label, Totals totals) {
    }

    public record FundView(String fundId, Totals totals, List<DisclosureQueries.BalancePoint> balances, String balanceChart,
            List<DisclosureQueries.MovementTotal> movements, List<DisclosureQueries.Draw> draws,
            List<DisclosureQueries.Draw> shortfalls, long breaks, FundAdequacy adequacy) {

        /**
         * The daily balances folded into a row per month (its last day's closing balance and how
         * many days had activity): a year is twelve rows on the page, the days one click (the
         * month's page) or the balances CSV away.
         */
        public List<MonthRow> monthly() {
            java.util.Map<String, MonthRow> out = new java.util.LinkedHashMap<>();
            for (DisclosureQueries.BalancePoint p : balances) {
                String month = p.day().substring(0, 7);
                MonthRow before = out.get(month);
                out.put(month, new MonthRow(month, p.day(), p.balance(), before == null ? 1 : before.activeDays() + 1));
            }
            return List.copyOf(out.values());
        }
    }

    /** A month of a fund's balances: the closing balance of its last active day, and how many days were active. */
    public record MonthRow(String month, String lastDay, BigDecimal closing, int activeDays) {
    }

    public record Bucket(String label, long count) {
    }

    @CheckedTemplate(basePath = "disclosures")
    static class Templates {
        static native TemplateInstance index(Header header, Totals total, List<Row> venues, String chart, List<Row> series,
                List<DisclosureQueries.RuleBreaks> rules);

        static native TemplateInstance insuranceFund(Header header, List<FundView> funds);

        static native TemplateInstance excessEquity(Header header, List<Row> groups, List<Bucket> distribution, String outcomeChart,
                String amountChart);

        static native TemplateInstance liquidationPrices(Header header, List<Row> symbols, String chart);

        static native TemplateInstance register(Header header, List<DisclosureQueries.RegisterRow> rows, String next,
                String delay);

        static native TemplateInstance methodology(Header header);

        static native TemplateInstance quarterly(Header header, QuarterlySummary summary, List<String> quarters);
    }

    /** ADL shortfalls listed per fund on the page (and in its CSV); the flows table counts them all. */
    static final int SHORTFALLS = 50;

    /** The buckets of a full liquidation's outcome: the first two are what it left when nothing was left. */
    static final String[] EXCESS_LABELS = {"bankrupt (a loss)", "nothing left", "0 – 1", "1 – 10", "10 – 100", "100 – 1,000",
        "1,000 – 10,000", "10,000 – 100,000", "≥ 100,000"};

    /** What a kept page is made for: the page (and CSV table), its scope, and the register's position. */
    private record PageKey(String page, String table, Scope scope, Long before) {
    }

    private final DisclosureQueries queries;
    private final Checkpoints checkpoints;
    private final LiqauditConfig config;
    private final PageCache<PageKey, String> cache;
    private final StartupWork startup;

    DisclosureResource(DisclosureQueries queries, Checkpoints checkpoints, LiqauditConfig config, StartupWork startup) {
        this.startup = startup;
        this.queries = queries;
        this.checkpoints = checkpoints;
        this.config = config;
        this.cache = new PageCache<>(config.disclosure().cacheTtl(), 1000, System::nanoTime);
    }

    @GET
    public Uni<Response> index(@QueryParam("period") String period, @QueryParam("venue") String venue,
            @QueryParam("symbol") String symbol, @QueryParam("fundId") String fundId,
            @QueryParam("currency") String currency) {
        return page("index", period, venue, symbol, fundId, currency, (header, scope) -> indexData(scope)
                .map(d -> Templates.index(header, d.total, d.venues, d.chart, d.series, d.rules)));
    }

    @GET
    @Path("insurance-fund")
    public Uni<Response> insuranceFund(@QueryParam("period") String period, @QueryParam("venue") String venue,
            @QueryParam("symbol") String symbol, @QueryParam("fundId") String fundId,
            @QueryParam("currency") String currency) {
        return page("insurance-fund", period, venue, symbol, fundId, currency, (header, scope) -> funds(scope, header.currency().label())
                .map(funds -> Templates.insuranceFund(header, funds)));
    }

    @GET
    @Path("excess-equity")
    public Uni<Response> excessEquity(@QueryParam("period") String period, @QueryParam("venue") String venue,
            @QueryParam("symbol") String symbol, @QueryParam("fundId") String fundId,
            @QueryParam("currency") String currency) {
        return page("excess-equity", period, venue, symbol, fundId, currency, (header, scope) ->
                queries.totalsWithHistograms(scope, DisclosureQueries.Group.POLICY_AND_VENUE).map(groups -> {
                    Totals all = sum(groups.values());
                    List<Bucket> distribution = distribution(all);
                    // Outcomes apart, then amounts on their own scale: one "nothing left" bar would
                    // otherwise flatten every amount to a line.
                    long left = distribution.stream().skip(2).mapToLong(Bucket::count).sum();
                    String outcomes = SvgCharts.bars("What full liquidations left", "outcome", "full liquidations", List.of(
                            new SvgCharts.Point("bankrupt (a loss)", BigDecimal.valueOf(distribution.get(0).count())),
                            new SvgCharts.Point("nothing left", BigDecimal.valueOf(distribution.get(1).count())),
                            new SvgCharts.Point("excess equity left", BigDecimal.valueOf(left))));
                    String amounts = SvgCharts.bars("Excess equity, where some was left", "excess equity (" + header.currency().label() + ")",
                            "full liquidations", distribution.stream().skip(2).map(b -> new SvgCharts.Point(b.label(),
                                    BigDecimal.valueOf(b.count()))).toList());
                    return Templates.excessEquity(header, rows(groups), distribution, outcomes, amounts);
                }));
    }

    @GET
    @Path("liquidation-prices")
    public Uni<Response> liquidationPrices(@QueryParam("period") String period, @QueryParam("venue") String venue,
            @QueryParam("symbol") String symbol, @QueryParam("fundId") String fundId,
            @QueryParam("currency") String currency) {
        return page("liquidation-prices", period, venue, symbol, fundId, currency, (header, scope) ->
                queries.totalsWithHistograms(scope, DisclosureQueries.Group.SYMBOL).map(symbols -> {
                    String chart = SvgCharts.bars("Mean distance of liquidation from bankruptcy price", "symbol",
                            "basis points", symbols.entrySet().stream().map(e -> new SvgCharts.Point(e.getKey(),
                                    e.getValue().meanDistanceBps() == null ? BigDecimal.ZERO : e.getValue().meanDistanceBps())).toList());
                    return Templates.liquidationPrices(header, rows(symbols), chart);
                }));
    }

    @GET
    @Path("register")
    public Uni<Response> register(@QueryParam("period") String period, @QueryParam("venue") String venue,
            @QueryParam("symbol") String symbol, @QueryParam("fundId") String fundId,
            @QueryParam("currency") String currency, @QueryParam("before") String beforeText) {
        QueryParams params = new QueryParams();
        Long before = params.integer("before", beforeText, 0, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        return page("register", period, venue, symbol, fundId, currency, (header, scope) ->
                queries.register(header.scope(), publishedBefore(), before, REGISTER_PAGE + 1).map(rows -> {
                    boolean more = rows.size() > REGISTER_PAGE;
                    List<DisclosureQueries.RegisterRow> page = more ? rows.subList(0, REGISTER_PAGE) : rows;
                    String next = more ? String.valueOf(page.get(page.size() - 1).sequence()) : null;
                    return Templates.register(header, page, next, header.delay());
                }));
    }

    /**
     * The period's figures as one numbered list, each with its definition (PQD-style). Without a
     * period: the quarter holding the last published day, the one a supervisor reads.
     */
    @GET
    @Path("quarterly")
    public Uni<Response> quarterly(@QueryParam("period") String period, @QueryParam("venue") String venue,
            @QueryParam("symbol") String symbol, @QueryParam("fundId") String fundId,
            @QueryParam("currency") String currency) {
        String asked = period == null || period.isBlank() ? Period.quarterOf(publishedDay().minusDays(1)) : period;
        return page("quarterly", asked, venue, symbol, fundId, currency, (header, scope) -> summary(scope, header.treeSize(),
                header.rootHash(), header.currency())
                .map(summary -> Templates.quarterly(header, summary, quartersOf(scope.period()))));
    }

    /** The summary of a (published) scope, covering the log up to the checkpoint named. */
    private Uni<QuarterlySummary> summary(Scope scope, Long treeSize, String rootHash, CurrencyChoice currency) {
        return queries.totalsWithHistograms(scope, DisclosureQueries.Group.ALL).chain(all -> funds(scope, currency.label())
                .map(funds -> QuarterlySummary.of(sum(all.values()), funds, LiquidationEngine.VERSION, treeSize, rootHash,
                        currency.code())));
    }

    /** The four quarters of the period's year, for moving between them. */
    private static List<String> quartersOf(Period period) {
        return List.of(1, 2, 3, 4).stream().map(q -> period.from().getYear() + "-Q" + q).toList();
    }

    @GET
    @Path("methodology")
    public Uni<Response> methodology(@QueryParam("period") String period) {
        return page("methodology", period, null, null, null, null, (header, scope) -> Uni.createFrom().item(Templates.methodology(header)));
    }

    /**
     * The offline verifier as one jar (built with the service: src/assembly/verifier.xml): it checks
     * a register entry's proof document, an event's inclusion, and that the log only grew.
     */
    @GET
    @Path("verifier.jar")
    @Produces("application/java-archive")
    @Operation(summary = "The offline verifier, one jar: java -jar liqaudit-verifier.jar entry|inclusion|consistency …")
    public Response verifier() {
        java.io.InputStream jar = DisclosureResource.class.getResourceAsStream("/verifier/liqaudit-verifier.jar");
        if (jar == null) { // a build that skipped the assembly: say so rather than serve nothing
            return ProblemResponses.of(Problem.of(404, "Not Found", "This build of the service has no verifier jar."));
        }
        return Response.ok(jar, "application/java-archive")
                .header("Content-Disposition", "attachment; filename=\"liqaudit-verifier.jar\"").build();
    }

    @GET
    @Path("{page}.csv")
    public Uni<Response> csv(@PathParam("page") String page, @QueryParam("table") String table,
            @QueryParam("period") String period, @QueryParam("venue") String venue, @QueryParam("symbol") String symbol,
            @QueryParam("fundId") String fundId,
            @QueryParam("currency") String currency, @QueryParam("before") String beforeText) {
        QueryParams params = new QueryParams();
        Scope scope = scope(params, period, venue, symbol, fundId, currency);
        Long before = params.integer("before", beforeText, 0, Long.MAX_VALUE);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        java.util.Optional<CsvTable> csvTable = CsvTable.of(page, table);
        if (csvTable.isEmpty()) {
            return Uni.createFrom().item(ProblemResponses.of(Problem.of(404, "Not Found", "No such table on this page.")));
        }
        CsvTable chosen = csvTable.get();
        Uni<String> body = inOneCurrency(scope.until(publishedDay())).chain(shown -> table(chosen, shown.scope(),
                scope.inFunds(shown.scope().funds()), before, shown.currency()).map(csv -> CsvTables.withCurrency(csv, shown.currency())));
        String file = page + "-" + table + "-" + scope.period().label() + ".csv";
        return cache.get(new PageKey(page, table, scope, before), () -> body).map(csv -> cacheable(Response.ok(csv,
                "text/csv; charset=UTF-8")).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build());
    }

    /**
     * One CSV table over the published scope (the register over the scope asked, cut at the
     * instant instead), both already in one currency's funds.
     */
    private Uni<String> table(CsvTable table, Scope published, Scope asked, Long before, CurrencyChoice currency) {
        return switch (table) {
            case INDEX_VENUES -> queries.totals(published, DisclosureQueries.Group.VENUE).map(CsvTables::summary);
            case INDEX_RULES -> queries.ruleBreaks(published).map(CsvTables::ruleBreaks);
            case INDEX_SERIES -> queries.totals(published, published.period().daily() ? DisclosureQueries.Group.DAY
                    : DisclosureQueries.Group.MONTH).map(found -> CsvTables.summary(continuous(found, published.period(),
                    published.period().daily())));
            case FUND_FLOWS -> funds(published, currency.label()).map(CsvTables::flows);
            case FUND_BALANCES -> funds(published, currency.label()).map(CsvTables::balances);
            case FUND_DRAWS -> funds(published, currency.label()).map(f -> CsvTables.losses(f, DisclosureResource.FundView::draws));
            case FUND_SHORTFALLS -> funds(published, Integer.MAX_VALUE, currency.label())
                    .map(f -> CsvTables.losses(f, DisclosureResource.FundView::shortfalls));
            case FUND_RECONCILIATION -> funds(published, currency.label()).map(CsvTables::reconciliation);
            case EXCESS_BY_POLICY -> queries.totals(published, DisclosureQueries.Group.POLICY_AND_VENUE).map(CsvTables::excess);
            case EXCESS_DISTRIBUTION -> queries.totalsWithHistograms(published, DisclosureQueries.Group.ALL)
                    .map(g -> CsvTables.distribution(distribution(sum(g.values()))));
            case PRICES_BY_SYMBOL -> queries.totalsWithHistograms(published, DisclosureQueries.Group.SYMBOL).map(CsvTables::prices);
            case QUARTERLY_FIGURES -> checkpoints.latest().chain(cp -> summary(published, cp.map(Checkpoints.Stored::treeSize)
                    .orElse(null), cp.map(c -> HexFormat.of().formatHex(c.rootHash())).orElse(null), currency)).map(CsvTables::figures);
            case REGISTER -> queries.register(asked, publishedBefore(), before, REGISTER_PAGE).map(CsvTables::register);
        };
    }

    // --- assembling pages ---------------------------------------------------------------------

    private interface PageBody {
        Uni<TemplateInstance> render(Header header, Scope scope);
    }

    /**
     * A page over its scope, its aggregates cut at the last UTC midnight before now − the register
     * delay: a day appears whole or not at all, so no figure, chart or CSV row says anything about
     * a liquidation before it may be published (the register cuts at the instant itself).
     */
    private Uni<Response> page(String name, String period, String venue, String symbol, String fundId, String currency,
            PageBody body) {
        QueryParams params = new QueryParams();
        Scope scope = scope(params, period, venue, symbol, fundId, currency);
        if (!params.ok()) {
            return Uni.createFrom().item(params.invalid());
        }
        LocalDate until = publishedDay();
        Supplier<Uni<String>> render = () -> inOneCurrency(scope.until(until)).chain(shown -> checkpoints.latest()
                .chain(cp -> queries.known(until, scope.venue()).chain(known -> {
                    Header header = new Header(scope, name, LiquidationEngine.VERSION, cp.map(Checkpoints.Stored::treeSize).orElse(null),
                            cp.map(c -> HexFormat.of().formatHex(c.rootHash())).orElse(null),
                            shown.scope().period().equals(scope.period()) || name.equals("register") ? null : until, delay(),
                            known.including(scope), loading(), shown.currency());
                    return body.render(header, shown.scope());
                }))).chain(TemplateInstance::createUni);
        // A page made while figures are still loading is not kept: the next reader gets the whole figures.
        Uni<String> html = startup.loading() ? render.get() : cache.get(new PageKey(name, null, scope, null), render);
        return html.map(page -> cacheable(Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))).build());
    }

    /** A scope narrowed to the funds of one currency where it holds several, and that currency. */
    private record Shown(Scope scope, CurrencyChoice currency) {
    }

    private Uni<Shown> inOneCurrency(Scope scope) {
        return queries.currencies(scope).map(shares -> {
            CurrencyChoice choice = CurrencyChoice.of(scope.currency(), shares);
            return new Shown(scope.inFunds(choice.funds()), choice);
        });
    }

    /** What a page says while startup work (demo data) is still loading its figures; null once it is done. */
    private String loading() {
        if (!startup.loading()) {
            return null;
        }
        return Formats.count(startup.done()) + " of " + Formats.count(startup.total()) + " events loaded so far";
    }

    /** Tells shared caches (a CDN in front) what this service does itself: the page may be this old. */
    private Response.ResponseBuilder cacheable(Response.ResponseBuilder response) {
        long seconds = config.disclosure().cacheTtl().toSeconds();
        return seconds > 0 ? response.header("Cache-Control", "public, max-age=" + seconds) : response;
    }

    private record IndexData(Totals total, List<Row> venues, String chart, List<Row> series, List<DisclosureQueries.RuleBreaks> rules) {
    }

    private Uni<IndexData> indexData(Scope scope) {
        DisclosureQueries.Group bucket = scope.period().daily() ? DisclosureQueries.Group.DAY : DisclosureQueries.Group.MONTH;
        return queries.totals(scope, DisclosureQueries.Group.VENUE).chain(venues -> queries.totals(scope, bucket)
                .map(found -> continuous(found, scope.period(), bucket == DisclosureQueries.Group.DAY)).map(series -> {
            String chart = SvgCharts.bars("Liquidations per " + (bucket == DisclosureQueries.Group.DAY ? "day" : "month"),
                    bucket == DisclosureQueries.Group.DAY ? "day (UTC)" : "month (UTC)", "liquidations",
                    series.entrySet().stream().map(e -> new SvgCharts.Point(e.getKey(), BigDecimal.valueOf(e.getValue().events())))
                            .toList());
            return new IndexData(sum(venues.values()), rows(venues), chart, rows(series), List.of());
        })).chain(d -> queries.ruleBreaks(scope).map(rules -> new IndexData(d.total(), d.venues(), d.chart(), d.series(), rules)));
    }

    /**
     * The funds of the scope: those its liquidations used, and (without a venue filter) those with
     * movements only; with a venue, only that venue's funds. Each with its flows, daily closing
     * balances (movements included) and its adequacy.
     */
    private Uni<List<FundView>> funds(Scope scope, String currency) {
        return funds(scope, SHORTFALLS, currency);
    }

    /** The funds, each with up to {@code shortfallLimit} ADL shortfalls (the CSV lists every one). */
    private Uni<List<FundView>> funds(Scope scope, int shortfallLimit, String currency) {
        return queries.totals(scope, DisclosureQueries.Group.FUND).chain(totals -> queries.balances(scope)
                .chain(balances -> queries.movements(scope).chain(movements -> queries.discontinuities(scope)
                        .chain(breaks -> queries.dailyDraws(scope).chain(dailyDraws -> {
                            java.util.Set<String> ids = new java.util.TreeSet<>(totals.keySet());
                            if (scope.venue() == null) {
                                ids.addAll(movements.keySet());
                            }
                            return io.smallrye.mutiny.Multi.createFrom().iterable(ids)
                                    .onItem().transformToUniAndConcatenate(id -> queries.largest(scope, id, DisclosureQueries.Loss.DRAW, 10)
                                            .chain(draws -> queries.largest(scope, id, DisclosureQueries.Loss.ADL_SHORTFALL, shortfallLimit)
                                            .map(shortfalls -> fund(id, currency, totals.getOrDefault(id, Totals.zero()), balances.get(id),
                                                    movements.getOrDefault(id, List.of()), draws, shortfalls, breaks.getOrDefault(id, 0L),
                                                    dailyDraws.getOrDefault(id, List.of())))))
                                    .collect().asList();
                        })))));
    }

    private static FundView fund(String id, String currency, Totals totals, DisclosureQueries.FundBalances balances,
            List<DisclosureQueries.MovementTotal> movements, List<DisclosureQueries.Draw> draws,
            List<DisclosureQueries.Draw> shortfalls, long breaks, List<DisclosureQueries.BalancePoint> dailyDraws) {
        List<DisclosureQueries.BalancePoint> points = balances == null ? List.of() : balances.days();
        String chart = SvgCharts.line("Balance of " + id + " at the end of each day", "day (UTC)", "balance (" + currency + ")",
                points.stream().map(p -> new SvgCharts.Point(p.day(), p.balance())).toList());
        return new FundView(id, totals, points, chart, movements, draws, shortfalls, breaks,
                FundAdequacy.of(totals, balances, movements, dailyDraws));
    }

    /**
     * Every day (or month) of the period, in order, those without liquidations at zero: a time axis
     * with gaps closed up would put a quiet week next to a busy one as if they were adjacent.
     */
    static Map<String, Totals> continuous(Map<String, Totals> found, Period period, boolean daily) {
        Map<String, Totals> out = new java.util.LinkedHashMap<>();
        for (LocalDate d = period.from(); d.isBefore(period.to()); d = daily ? d.plusDays(1) : d.plusMonths(1)) {
            String key = daily ? d.toString() : d.toString().substring(0, 7);
            out.put(key, found.getOrDefault(key, Totals.zero()));
        }
        return out;
    }

    static List<Row> rows(Map<String, Totals> groups) {
        List<Row> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(new Row(k, v)));
        return out;
    }

    static Totals sum(java.util.Collection<Totals> all) {
        Totals t = Totals.zero();
        all.forEach(t::add);
        return t;
    }

    static List<Bucket> distribution(Totals t) {
        long[] hist = t.excessHist();
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i < hist.length; i++) {
            out.add(new Bucket(EXCESS_LABELS[i], hist[i]));
        }
        return out;
    }

    private OffsetDateTime publishedBefore() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(config.disclosure().registerDelay());
    }

    /** The first day whose aggregates are not published yet: the day of now − the register delay. */
    private LocalDate publishedDay() {
        return publishedBefore().toLocalDate();
    }

    /** The register delay as people write it. */
    private String delay() {
        return Formats.duration(config.disclosure().registerDelay());
    }

    /** The scope of a page, parsed once: each bad parameter is named in {@code params}; null then. */
    private static Scope scope(QueryParams params, String period, String venue, String symbol, String fundId, String currency) {
        Period p = null;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            params.problem("period", e.getMessage());
        }
        // An empty filter (a form submitted with the field blank) means "all".
        String v = params.identifier("venue", blankToNull(venue));
        String s = params.identifier("symbol", blankToNull(symbol));
        String f = params.identifier("fundId", blankToNull(fundId));
        String c = blankToNull(currency);
        if (c != null && !c.equals(Scope.NOT_STATED) && !io.liqaudit.platform.InputRules.isCurrency(c)) {
            params.problem("currency", io.liqaudit.platform.InputRules.CURRENCY_RULE + ", or - for funds whose currency is not stated");
        }
        return params.ok() ? new Scope(p, v, s, f, c, null) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
