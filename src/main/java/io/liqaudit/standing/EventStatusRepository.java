package io.liqaudit.standing;

import io.liqaudit.engine.Verdict;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one writer of {@code event_status}: each event's current recomputation, its fund-chain flag,
 * and the effective verdict and findings that {@link EffectiveVerdict} makes of the two. Every
 * statement takes its rows as arrays, so a batch costs a fixed number of round trips.
 */
@ApplicationScoped
class EventStatusRepository {

    private static final String PREVIOUS = """
            select event_sequence, engine_verdict, fund_discontinuity, rule_findings from event_status where event_sequence = any($1::bigint[])
            """;
    private static final String UPSERT = """
            insert into event_status (event_sequence, recomputation_id, engine_verdict, fund_discontinuity, verdict, finding_codes,
                differing_fields, amount_at_stake)
            select t.seq, t.rid, t.engine, t.flag, t.verdict, string_to_array(t.codes, ','), string_to_array(t.fields, ','),
                   t.stake::numeric
            from unnest($1::bigint[], $2::bigint[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[], $8::text[])
                 as t(seq, rid, engine, flag, verdict, codes, fields, stake)
            on conflict (event_sequence) do update set recomputation_id = excluded.recomputation_id,
                engine_verdict = excluded.engine_verdict, verdict = excluded.verdict, finding_codes = excluded.finding_codes,
                differing_fields = excluded.differing_fields, amount_at_stake = excluded.amount_at_stake
            """;
    private static final String FLAGGED_EVENTS = """
            select e.sequence as event_sequence, e.engine_verdict, e.engine_finding_codes as finding_codes, e.occurred_at,
                   e.venue, e.symbol, e.fund_id, e.policy_mode, e.fund_discontinuity, e.rule_findings
            from current_event e
            where e.sequence = any($1::bigint[])
            """;
    private static final String STORE_FLAGS = """
            update event_status s set fund_discontinuity = t.flag, rule_findings = string_to_array(t.rules, ','), verdict = t.verdict,
                finding_codes = string_to_array(t.codes, ',')
            from unnest($1::bigint[], $2::boolean[], $3::text[], $4::text[], $5::text[]) as t(seq, flag, rules, verdict, codes)
            where s.event_sequence = t.seq
            """;

    private record Previous(Verdict engine, boolean flag, List<String> rules) {
    }

    /** Makes each recomputation its event's current one, keeping its chain flag; answers the events whose engine verdict changed. */
    Uni<List<Long>> pointAt(SqlClient client, List<CurrentRecomputation> current) {
        Long[] sequences = current.stream().map(CurrentRecomputation::sequence).toArray(Long[]::new);
        return client.preparedQuery(PREVIOUS).execute(Tuple.of((Object) sequences)).chain(rows -> {
            Map<Long, Previous> previous = new HashMap<>();
            for (Row r : rows) {
                previous.put(r.getLong(0), new Previous(Verdict.valueOf(r.getString(1)), r.getBoolean(2),
                        Arrays.asList(r.getArrayOfStrings(3))));
            }
            List<Long> changed = new ArrayList<>();
            List<String> verdicts = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            List<Boolean> flags = new ArrayList<>();
            for (CurrentRecomputation c : current) {
                Previous p = previous.get(c.sequence());
                boolean flag = p != null && p.flag();
                List<String> rules = p == null ? List.of() : p.rules();
                if (p != null && p.engine() != c.engineVerdict()) {
                    changed.add(c.sequence());
                }
                flags.add(flag);
                verdicts.add(EffectiveVerdict.of(c.engineVerdict(), flag, rules).name());
                codes.add(String.join(",", EffectiveVerdict.findingCodes(c.engineFindingCodes(), flag, rules)));
            }
            return client.preparedQuery(UPSERT).execute(Tuple.tuple().addValue(sequences)
                            .addValue(current.stream().map(CurrentRecomputation::id).toArray(Long[]::new))
                            .addValue(current.stream().map(c -> c.engineVerdict().name()).toArray(String[]::new))
                            .addValue(flags.toArray(Boolean[]::new)).addValue(verdicts.toArray(String[]::new))
                            .addValue(codes.toArray(String[]::new))
                            .addValue(current.stream().map(c -> String.join(",", DifferingFields.searchable(c.differingFields())))
                                    .toArray(String[]::new))
                            .addValue(current.stream().map(c -> c.amountAtStake().toPlainString()).toArray(String[]::new)))
                    .map(v -> changed);
        });
    }

    /** A change to what the fund chain or the published rules say of an event; null: that one is unchanged. */
    record Flags(long sequence, Boolean fundDiscontinuity, List<String> ruleFindings) {
    }

    /**
     * Stores changed chain flags or rule findings with the standing they make; answers, per rollup
     * key, how the verdict counts move, for the public counts to follow.
     */
    Uni<Map<RollupRepository.DailyKey, RollupRepository.VerdictMoves>> storeFlags(SqlClient client, List<Flags> changes) {
        Map<Long, Flags> changeOf = new HashMap<>();
        changes.forEach(c -> changeOf.merge(c.sequence(), c, (a, b) -> new Flags(a.sequence(),
                b.fundDiscontinuity() != null ? b.fundDiscontinuity() : a.fundDiscontinuity(),
                b.ruleFindings() != null ? b.ruleFindings() : a.ruleFindings())));
        Long[] sequences = changeOf.keySet().toArray(Long[]::new);
        return client.preparedQuery(FLAGGED_EVENTS).execute(Tuple.of((Object) sequences)).chain(rows -> {
            List<Long> seqs = new ArrayList<>();
            List<Boolean> flags = new ArrayList<>();
            List<String> ruleCodes = new ArrayList<>();
            List<String> verdicts = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            Map<RollupRepository.DailyKey, RollupRepository.VerdictMoves> moves = new HashMap<>();
            for (Row r : rows) {
                long seq = r.getLong("event_sequence");
                Flags change = changeOf.get(seq);
                Verdict engine = Verdict.valueOf(r.getString("engine_verdict"));
                boolean oldFlag = r.getBoolean("fund_discontinuity");
                List<String> oldRules = Arrays.asList(r.getArrayOfStrings("rule_findings"));
                boolean flag = change.fundDiscontinuity() != null ? change.fundDiscontinuity() : oldFlag;
                List<String> rules = change.ruleFindings() != null ? change.ruleFindings() : oldRules;
                Verdict before = EffectiveVerdict.of(engine, oldFlag, oldRules);
                Verdict after = EffectiveVerdict.of(engine, flag, rules);
                seqs.add(seq);
                flags.add(flag);
                ruleCodes.add(String.join(",", rules));
                verdicts.add(after.name());
                codes.add(String.join(",", EffectiveVerdict.findingCodes(Arrays.asList(r.getArrayOfStrings("finding_codes")),
                        flag, rules)));
                if (before != after) {
                    LocalDate day = r.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                    RollupRepository.DailyKey key = new RollupRepository.DailyKey(day, r.getString("venue"),
                            r.getString("symbol"), r.getString("fund_id"), r.getString("policy_mode"));
                    moves.merge(key, RollupRepository.VerdictMoves.of(before, after), RollupRepository.VerdictMoves::plus);
                }
            }
            return client.preparedQuery(STORE_FLAGS).execute(Tuple.tuple().addValue(seqs.toArray(Long[]::new))
                    .addValue(flags.toArray(Boolean[]::new)).addValue(ruleCodes.toArray(String[]::new))
                    .addValue(verdicts.toArray(String[]::new)).addValue(codes.toArray(String[]::new))).map(v -> moves);
        });
    }
}
