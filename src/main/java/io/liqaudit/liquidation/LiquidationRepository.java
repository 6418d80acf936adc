package io.liqaudit.liquidation;

import io.liqaudit.changes.ChangeFeed;
import io.liqaudit.fund.FundRegistry;
import io.liqaudit.standing.CurrentRecomputation;
import io.liqaudit.standing.EventStanding;
import io.liqaudit.standing.RollupRepository;
import io.liqaudit.engine.DecimalText;
import io.liqaudit.fund.FundChainRepository;
import io.liqaudit.ledger.LogHead;
import io.liqaudit.ledger.MerkleLogRepository;
import io.liqaudit.platform.Timestamps;
import io.liqaudit.recording.RecordStatus;
import io.liqaudit.recording.RefusedSubmissions;
import io.liqaudit.rules.RuleChecks;
import io.liqaudit.verdicts.VerdictOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Records events. One batch is one transaction with a fixed number of round trips, whatever
 * its size: lock the log head, look up the batch's identities, insert the new events, append
 * their leaves to the Merkle log, insert their recomputations and statuses, log refused
 * conflicts, advance the head, append their verdicts to the stream's outbox. The head lock is taken once per batch, never per event.
 */
@ApplicationScoped
public class LiquidationRepository {

    private static final String FIND_IDENTITIES = """
            select e.venue, e.event_id, e.sequence, e.content_digest
            from liquidation_event e join unnest($1::text[], $2::text[]) as t(venue, event_id)
              on e.venue = t.venue and e.event_id = t.event_id
            """;
    private static final String INSERT_EVENTS = """
            insert into liquidation_event (sequence, venue, event_id, recorded_at, recorded_by, content_digest, input, symbol,
                account_ref, fund_id, occurred_at, side, margin_mode, policy_mode, fund_balance_before, account_salt)
            select t.seq, t.venue, t.event_id, $2, t.recorded_by, decode(t.digest, 'hex'), t.input, t.symbol, t.account, t.fund,
                   t.occurred, t.side, t.margin, t.policy, t.balance::numeric, decode(t.salt, 'hex')
            from unnest($1::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                        $10::text[], $11::timestamptz[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
                 as t(seq, recorded_by, venue, event_id, digest, input, symbol, account, fund, occurred, side, margin, policy,
                      balance, salt)
            """;

    private final FundChainRepository fundChain;
    private final MerkleLogRepository log;
    private final EventStanding standing;
    private final LogHead head;
    private final RuleChecks rules;
    private final VerdictOutbox outbox;

    LiquidationRepository(FundChainRepository fundChain, MerkleLogRepository log, EventStanding standing, LogHead head,
            RuleChecks rules, VerdictOutbox outbox) {
        this.head = head;
        this.outbox = outbox;
        this.rules = rules;
        this.fundChain = fundChain;
        this.log = log;
        this.standing = standing;
    }

    private record Stored(long sequence, String digestHex) {
    }

    /** A submission and who sent it: the unit the sequencer commits, many requests' worth at a time. */
    public record Arrival(Submission submission, String submittedBy) {
    }

    /** Records the arrivals in one transaction on {@code conn}; answers one outcome per arrival, in order. */
    public Uni<List<RecordOutcome>> record(SqlConnection conn, List<Arrival> arrivals, OffsetDateTime at) {
        List<Submission> submissions = arrivals.stream().map(Arrival::submission).toList();
        return head.lock(conn)
                .chain(next -> findStored(conn, submissions).chain(stored -> {
                    List<RecordOutcome> outcomes = new ArrayList<>();
                    List<Arrival> created = new ArrayList<>();
                    List<Long> sequences = new ArrayList<>();
                    List<RefusedSubmissions.Refusal> refused = new ArrayList<>();
                    long sequence = next;
                    for (Arrival a : arrivals) {
                        Submission s = a.submission();
                        Stored existing = stored.get(s.identityKey());
                        if (existing == null) {
                            existing = new Stored(sequence++, s.digestHex());
                            stored.put(s.identityKey(), existing); // a repeat later in the same group sees it
                            created.add(a);
                            sequences.add(existing.sequence());
                            outcomes.add(new RecordOutcome(RecordStatus.CREATED, existing.sequence()));
                        } else if (existing.digestHex().equals(s.digestHex())) {
                            outcomes.add(new RecordOutcome(RecordStatus.DUPLICATE, existing.sequence()));
                        } else {
                            refused.add(new RefusedSubmissions.Refusal(a.submittedBy(), s.identity(), s.digestHex(),
                                    existing.digestHex()));
                            outcomes.add(new RecordOutcome(RecordStatus.CONFLICT, existing.sequence()));
                        }
                    }
                    long newNext = sequence;
                    String recordedAt = Timestamps.format(at);
                    List<byte[]> leaves = created.stream().map(a -> a.submission().leafHash(recordedAt)).toList();
                    return insertEvents(conn, created, sequences, at)
                            .chain(() -> FundRegistry.namedBy(conn, created.stream().map(a -> a.submission().event()
                                            .insuranceFund().fundId()).toList(), sequences,
                                    created.stream().map(Arrival::submittedBy).toList(), at))
                            .chain(() -> log.append(conn, next, leaves))
                            .chain(() -> insertRecomputations(conn, created, sequences, at))
                            // The owner of standing makes them current and adds them to the public rollups first: a
                            // break found in this batch then moves a count that already includes it.
                            .chain(current -> standing.recorded(conn, current, recorded(created, sequences)))
                            // Read after the head's lock: a rule set published before this batch took it is in view
                            // (a re-check covers the events recorded before; rules/RuleRechecks).
                            .chain(() -> rules.check(conn, toCheck(created, sequences), at))
                            .call(found -> standing.rulesChecked(conn, found))
                            .call(() -> RefusedSubmissions.log(conn, RefusedSubmissions.Kind.LIQUIDATION_EVENT, refused))
                            .call(() -> newNext == next ? Uni.createFrom().voidItem() : head.advance(conn, newNext))
                            .chain(found -> fundChain.reevaluate(conn, sequences, List.of())
                                    .call(changes -> standing.chainRewalked(conn, changes))
                                    // The verdicts as they now stand, for the stream: in this transaction or not at all.
                                    .chain(changes -> outbox.append(conn, VerdictsRecorded.messages(created, sequences,
                                            leaves, recordedAt, found, changes))))
                            // Last: the feed's lock is held from here to the commit only.
                            .chain(() -> sequences.isEmpty() ? Uni.createFrom().voidItem()
                                    : ChangeFeed.recorded(conn, next, newNext - 1, at))
                            .map(v -> outcomes);
                }));
    }

    private Uni<Map<String, Stored>> findStored(SqlConnection conn, List<Submission> submissions) {
        String[] venues = submissions.stream().map(Submission::venue).toArray(String[]::new);
        String[] ids = submissions.stream().map(Submission::eventId).toArray(String[]::new);
        return conn.preparedQuery(FIND_IDENTITIES).execute(Tuple.of(venues, ids)).map(rows -> {
            Map<String, Stored> found = new HashMap<>();
            for (Row r : rows) {
                found.put(Submission.key(r.getString("venue"), r.getString("event_id")), new Stored(r.getLong("sequence"),
                        HexFormat.of().formatHex(r.getBuffer("content_digest").getBytes())));
            }
            return found;
        });
    }

    private Uni<Void> insertEvents(SqlConnection conn, List<Arrival> arrivals, List<Long> sequences, OffsetDateTime at) {
        if (arrivals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Submission> created = arrivals.stream().map(Arrival::submission).toList();
        Tuple p = Tuple.tuple()
                .addValue(sequences.toArray(Long[]::new))
                .addValue(at)
                .addValue(arrivals.stream().map(Arrival::submittedBy).toArray(String[]::new))
                .addValue(created.stream().map(Submission::venue).toArray(String[]::new))
                .addValue(created.stream().map(Submission::eventId).toArray(String[]::new))
                .addValue(created.stream().map(Submission::digestHex).toArray(String[]::new))
                .addValue(created.stream().map(Submission::canonicalInput).toArray(String[]::new))
                .addValue(created.stream().map(s -> s.event().symbol()).toArray(String[]::new))
                .addValue(created.stream().map(s -> s.event().accountRef()).toArray(String[]::new))
                .addValue(created.stream().map(s -> s.event().insuranceFund().fundId()).toArray(String[]::new))
                .addValue(created.stream().map(s -> s.event().occurredAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .addValue(created.stream().map(s -> s.event().position().side().name()).toArray(String[]::new))
                .addValue(created.stream().map(s -> s.event().position().marginMode().name()).toArray(String[]::new))
                .addValue(created.stream().map(s -> s.event().policy().mode().name()).toArray(String[]::new))
                .addValue(created.stream().map(s -> DecimalText.of(s.event().insuranceFund().balanceBefore())).toArray(String[]::new))
                .addValue(created.stream().map(s -> HexFormat.of().formatHex(s.salt())).toArray(String[]::new));
        return conn.preparedQuery(INSERT_EVENTS).execute(p).replaceWithVoid();
    }

    private Uni<List<CurrentRecomputation>> insertRecomputations(SqlConnection conn, List<Arrival> created,
            List<Long> sequences, OffsetDateTime at) {
        if (created.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return RecomputationWriter.write(conn, sequences, created.stream().map(a -> a.submission().columns()).toList(),
                at, null);
    }

    private static List<RuleChecks.Checked> toCheck(List<Arrival> created, List<Long> sequences) {
        List<RuleChecks.Checked> out = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            out.add(new RuleChecks.Checked(sequences.get(i), created.get(i).submission().event(), List.of()));
        }
        return out;
    }

    private static List<RollupRepository.Recorded> recorded(List<Arrival> created, List<Long> sequences) {
        List<RollupRepository.Recorded> out = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            Submission s = created.get(i).submission();
            out.add(new RollupRepository.Recorded(sequences.get(i), s.event(), s.recomputation()));
        }
        return out;
    }
}
