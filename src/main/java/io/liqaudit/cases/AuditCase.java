package io.liqaudit.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code audit_case}: where the work on one event stands (what was done is its timeline, {@link CaseEvent}). */
@Entity
@Table(name = "audit_case")
public class AuditCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_sequence", nullable = false, unique = true)
    public long eventSequence;

    @Column(nullable = false)
    public String venue;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Enumerated(EnumType.STRING)
    public CaseOutcome outcome;

    public String assignee;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "snoozed_until")
    public OffsetDateTime snoozedUntil;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
