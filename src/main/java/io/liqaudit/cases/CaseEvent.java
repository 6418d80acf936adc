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

/** One entry of a case's timeline: who did what, when, the state before and after. Inserted, never changed (V9 triggers). */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public long caseId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_before")
    public CaseState stateBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_after", nullable = false)
    public CaseState stateAfter;

    public String detail;
}
