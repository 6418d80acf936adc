package io.liqaudit.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liqaudit.liquidation.TestEvents;
import io.liqaudit.security.Roles;
import io.liqaudit.security.TestUsers;
import io.quarkus.test.TestReactiveTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cases' Panache repositories against the real database, each test rolled back at its end. */
@QuarkusTest
class AuditCaseRepositoryTest {

    @Inject
    AuditCaseRepository cases;

    @Inject
    CaseEventRepository events;

    private ObjectNode e;
    private long sequence;

    /**
     * A consistent event (the opener never makes a case for it, so the test's case is the only
     * one), recorded over HTTP here: the test method itself runs on an event loop and must not block.
     */
    @BeforeEach
    void recordAnEvent() {
        e = TestEvents.fresh("consistent#3");
        sequence = TestUsers.as(Roles.INGESTOR).contentType("application/json").body(e.toString())
                .post("/api/v1/liquidations").then().statusCode(201).extract().jsonPath().getLong("sequence");
    }

    @Test
    @TestReactiveTransaction
    void aCaseIsFoundByItsFiltersAndItsTimelineReadsInOrder(UniAsserter asserter) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AuditCase c = new AuditCase();
        c.eventSequence = sequence;
        c.venue = e.get("venue").asText();
        c.eventId = e.get("eventId").asText();
        c.state = CaseState.INVESTIGATING;
        c.assignee = "repo-auditor";
        c.openedAt = now;
        c.updatedAt = now;
        asserter.execute(() -> cases.persistAndFlush(c));
        for (CaseAction action : new CaseAction[] {CaseAction.OPENED, CaseAction.INVESTIGATE}) {
            asserter.execute(() -> {
                CaseEvent entry = new CaseEvent();
                entry.caseId = c.id;
                entry.at = now;
                entry.actor = "repo-auditor";
                entry.action = action;
                entry.stateAfter = action == CaseAction.OPENED ? CaseState.OPEN : CaseState.INVESTIGATING;
                return events.persistAndFlush(entry);
            });
        }
        asserter.assertThat(() -> cases.page(c.venue, CaseState.INVESTIGATING, "repo-auditor", null, 10),
                page -> assertThat(page).extracting(x -> x.eventSequence).containsExactly(sequence));
        asserter.assertThat(() -> cases.page(c.venue, CaseState.CLOSED, null, null, 10), page -> assertThat(page).isEmpty());
        asserter.assertThat(() -> cases.page(null, null, "repo-auditor", c.id, 10), page -> assertThat(page).isEmpty());
        asserter.assertThat(() -> events.timeline(c.id),
                t -> assertThat(t).extracting(x -> x.action).containsExactly(CaseAction.OPENED, CaseAction.INVESTIGATE));
        asserter.assertThat(() -> cases.forUpdate(c.id), locked -> assertThat(locked.state).isEqualTo(CaseState.INVESTIGATING));
    }
}
