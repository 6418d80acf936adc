package io.liqaudit.platform;

/**
 * Where a background job (a re-verification run, a tamper audit) stands, as stored in its
 * table's {@code status} column and answered to clients.
 */
public enum JobStatus {
    /** Work is left; it goes on, and resumes after a restart. */
    RUNNING,
    /** Every item was processed (items that could not be are recorded, not retried). */
    DONE,
    /** Stopped by an error; the log has its incident. */
    FAILED
}
