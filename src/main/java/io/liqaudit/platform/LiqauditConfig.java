package io.liqaudit.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of Liquidation Audit, under the prefix {@code liqaudit}. Each is also an
 * environment variable: {@code liqaudit.security.max-failed-sign-ins} is
 * {@code LIQAUDIT_SECURITY_MAX_FAILED_SIGN_INS}.
 */
@ConfigMapping(prefix = "liqaudit")
public interface LiqauditConfig {

    /**
     * Users to create or update at start, as {@code name:password:role[+role…]}, comma separated.
     * Empty by default: in production an operator must provide at least one user.
     */
    Optional<String> bootstrapUsers();

    Security security();

    Ingest ingest();

    Demo demo();

    Verification verification();

    Rules rules();

    Kafka kafka();

    Ledger ledger();

    Disclosure disclosure();

    Http http();

    Metrics metrics();

    interface Metrics {
        /** How often gauges read from the database (log size, checkpoint, last tamper audit, runs) are refreshed. */
        @WithDefault("15s")
        Duration refresh();
    }

    interface Http {
        /** Every request body's limit but a statement's for matching (whose is quarkus.http.limits.max-body-size). */
        @WithDefault("3M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();
    }

    interface Disclosure {
        /** Liquidations appear in the public register only this long after they happened. */
        @WithDefault("24h")
        Duration registerDelay();

        /**
         * How long a public page made for one scope is served to everyone who asks for it (0: made
         * for each request). Readers of a cascade then cost the database one page per scope per
         * interval, however many they are.
         */
        @WithDefault("1s")
        Duration cacheTtl();
    }

    interface Ledger {
        /** The log's name: the first line of every checkpoint. */
        @WithDefault("liqaudit.example/liquidations")
        String origin();

        /** The name of the signing key in checkpoint signature lines. */
        @WithDefault("liqaudit.example/liquidations")
        String keyName();

        /**
         * The Ed25519 secret key (base64 of its 32-byte seed) that signs checkpoints. Required in
         * production; README command 1 generates one outside the repository.
         */
        Optional<String> signingKey();

        /** A checkpoint is made at most this often, when the log has grown. */
        @WithDefault("1s")
        Duration checkpointInterval();

        /** When the daily tamper audit runs (Quartz-style cron, UTC). */
        @WithDefault("0 30 3 * * ?")
        String auditCron();

        /** Events a tamper audit reads and hashes per query (also how often it records its progress). */
        @WithDefault("5000")
        int auditChunkSize();
    }

    Cases cases();

    Reports reports();

    Reconciliation reconciliation();

    interface Reconciliation {
        /** How often reconciliation totals are folded up to the newest checkpoint old enough. */
        @WithDefault("5s")
        Duration foldEvery();

        /**
         * Only checkpoints signed at least this long ago are folded: longer than any transaction that
         * stamps recomputations before it commits (a re-verification chunk takes well under a second).
         */
        @WithDefault("30s")
        Duration foldLag();
    }

    interface Reports {
        /** Where report packages are kept (a directory; created when missing). Each is a few bytes to a few hundred MB. */
        @WithDefault("data/reports")
        String dir();
    }

    interface Cases {
        /** How often events are looked at for cases to open (new discrepancies) or close (cleared ones). */
        @WithDefault("10s")
        Duration poll();
    }

    /** Streaming ingest (issue 20); the broker is Quarkus' {@code kafka.bootstrap.servers} (env KAFKA_BOOTSTRAP_SERVERS). */
    interface Kafka {
        /**
         * Consume the liquidations topic and relay verdicts (LIQAUDIT_KAFKA_ENABLED); HTTP ingest stays on either way.
         * Every instance on one database must say the same: the verdict outbox is written only when it is on.
         */
        @WithDefault("false")
        boolean enabled();

        /** The topic events arrive on: JSON events exactly as an HTTP body, keyed by venue. */
        @WithDefault("liquidations")
        String topic();

        /** Where records that cannot be recorded go, with their bytes and a {@code problem} header. */
        @WithDefault("liquidations-dead-letter")
        String deadLetterTopic();

        /** Consumers per instance, each with its share of the topic's partitions: one batch records while the next is replayed. */
        @WithDefault("2")
        int consumers();

        /** Where each recorded event's verdict goes, relayed from the outbox; one partition keeps the log's order. */
        @WithDefault("liquidation-verdicts")
        String verdictTopic();

        /** How often the outbox is looked at for verdicts to relay (each look drains it); the scheduler's least is 1s. */
        @WithDefault("1s")
        Duration relayPoll();
    }

    interface Rules {
        /** How often published rule sets are looked at for re-checks of earlier events to begin or go on. */
        @WithDefault("2s")
        Duration recheckPoll();

        /** Events looked at per transaction of a re-check: a window of this many log sequences. */
        @WithDefault("5000")
        int recheckWindow();
    }

    interface Verification {
        /**
         * Events re-replayed per transaction of a verification run (also its resume granularity):
         * large, since each chunk costs a fixed number of round trips and its replays run in parallel.
         */
        @WithDefault("5000")
        int chunkSize();

        /** How often the scheduler looks for runs with work left (and resumes them after a restart). */
        @WithDefault("1s")
        Duration poll();

        /**
         * The percentage of its time a run works while events are arriving (within the last
         * second): after each chunk it pauses so that chunk time is this share of the whole.
         * Ingest has the venues waiting on it; a run only has its own progress. 100 never pauses.
         * At 30, ingest during a run kept 87-96 % of its speed (bench/run-ingest-during-reverify.sh).
         */
        @WithDefault("30")
        @jakarta.validation.constraints.Min(5)
        @jakarta.validation.constraints.Max(100)
        int percentUnderIngest();
    }

    interface Security {
        /** Failed sign-ins for one user name from one address before they are refused for {@link #lockout()}. */
        @WithDefault("5")
        int maxFailedSignIns();

        /** How long a user name (from that address), or an address, stays refused after too many failures. */
        @WithDefault("15m")
        Duration lockout();

        /** Failed sign-ins after which each further attempt is slowed down by {@link #slowdown()}. */
        @WithDefault("3")
        int slowdownAfter();

        /** Delay added to each sign-in attempt once {@link #slowdownAfter()} is reached. */
        @WithDefault("1s")
        Duration slowdown();

        /** Failed sign-ins (any names, wrong API keys) from one address before it is refused for {@link #lockout()}. */
        @WithDefault("50")
        int maxFailedSignInsPerAddress();

        /** A portal session ends after this long without a request. */
        @WithDefault("30m")
        Duration sessionIdleTimeout();

        /** A portal session ends this long after sign-in, however active. */
        @WithDefault("12h")
        Duration sessionLifetime();
    }

    interface Demo {
        /** Load demo events at start when no event is recorded yet (README command 1 sets it). */
        @WithDefault("false")
        boolean loadIfEmpty();

        /** How many demo events to load. */
        @WithDefault("20000")
        int events();

        /** The generator's seed: the same seed gives the same events. */
        @WithDefault("42")
        long seed();

        /**
         * Whether VENUE-A, B and C publish their rule sets before their events (D never does).
         * Off only to measure what checking events against published rules costs ingest.
         */
        @WithDefault("true")
        boolean publishRules();
    }

    interface Ingest {
        /** Most events one batch request may carry. */
        @WithDefault("1000")
        int maxBatchSize();

        /**
         * How far in the future (by our clock) a time stamp may lie: an event or movement dated later
         * is refused, since it could not yet have happened.
         */
        @WithDefault("5m")
        Duration maxClockSkew();

        /**
         * Most events waiting to be committed (accepted but not yet in a transaction). A request
         * that would go beyond it is shed with 503 and Retry-After instead of waiting without bound.
         */
        @WithDefault("8000")
        int queueCapacity();

        /** Most events the sequencer commits in one transaction (group commit). */
        @WithDefault("4000")
        int maxGroupEvents();
    }
}
