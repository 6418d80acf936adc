package io.liqaudit.liquidation;

/** An ingest item after reading and checking: a {@link Submission} to record, or malformed. */
public sealed interface Prepared permits Submission, IngestService.Malformed {
}
