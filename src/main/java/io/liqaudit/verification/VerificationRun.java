package io.liqaudit.verification;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code verification_run}: created and read through Panache. Its progress columns
 * (done, last_sequence, verdicts_changed, failed, status) are advanced by {@link VerificationRuns}
 * with SQL in the same transaction as each chunk's recomputations, so the resume point can never
 * disagree with what was written; the entity only reads them.
 */
@Entity
@Table(name = "verification_run")
public class VerificationRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "engine_version", nullable = false)
    public String engineVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public RunFilter filter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    /** The run covers events recorded up to this sequence when it was requested. */
    @Column(name = "up_to_sequence", nullable = false)
    public long upToSequence;

    @Column(nullable = false)
    public long total;

    @Column(nullable = false)
    public long done;

    /** Resume point: the highest sequence replayed so far. */
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence = -1;

    @Column(name = "verdicts_changed", nullable = false)
    public long verdictsChanged;

    @Column(nullable = false)
    public long failed;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
