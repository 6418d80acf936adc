package io.liqaudit.reports;

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
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code report_run}: created and read through Panache. Its progress and result columns
 * are written by {@link ReportRuns} with SQL from the thread that generates the package (a
 * worker, outside any reactive session); the entity only reads them.
 */
@Entity
@Table(name = "report_run")
public class ReportRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public String reportId;

    @Column(name = "report_version", nullable = false)
    public int reportVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    /** The data covers exactly the events with sequence below this: the size of the pinned checkpoint. */
    @Column(name = "tree_size", nullable = false)
    public long treeSize;

    /** For the record: the last recomputation computed by the checkpoint's signing time, which the run can see. */
    @Column(name = "recomputation_bound", nullable = false)
    public long recomputationBound;

    @Column(nullable = false)
    public long total;

    @Column(name = "rows_written", nullable = false)
    public long rowsWritten;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "package_sha256")
    public byte[] packageSha256;

    @Column(name = "package_bytes")
    public Long packageBytes;

    public String failure;
}
