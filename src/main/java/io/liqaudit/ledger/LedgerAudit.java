package io.liqaudit.ledger;

import io.liqaudit.platform.JobStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A row of {@code ledger_audit}: one tamper audit and how far it got. CRUD-shaped (created,
 * advanced, finished), so a Panache entity; the findings are kept as the JSON text the view reads.
 */
@Entity
@Table(name = "ledger_audit")
public class LedgerAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    /** The log's size when the audit started: it checks every leaf below it. */
    @Column(name = "tree_size", nullable = false)
    public long treeSize;

    @Column(nullable = false)
    public long done;

    @Column(nullable = false)
    public String tampered = "[]";

    @Column(name = "bad_checkpoints", nullable = false)
    public String badCheckpoints = "[]";

    @Column(name = "checkpoints_checked", nullable = false)
    public long checkpointsChecked;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
