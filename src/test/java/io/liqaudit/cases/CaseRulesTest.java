package io.liqaudit.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The case rules for every state and action: what moves where, and what is refused with a reason. */
class CaseRulesTest {

    private static CaseRules.Decision decide(CaseState state, String proposedBy, CaseAction action, String actor) {
        return CaseRules.decide(state, state == CaseState.PROPOSED ? CaseOutcome.VENUE_EXPLAINED : null, proposedBy, action,
                actor, action == CaseAction.PROPOSE ? CaseOutcome.FALSE_POSITIVE : null);
    }

    @Test
    void theHappyPathNeedsTwoPeople() {
        assertThat(decide(CaseState.OPEN, null, CaseAction.INVESTIGATE, "a").change().state())
                .isEqualTo(CaseState.INVESTIGATING);
        CaseRules.Change proposed = decide(CaseState.INVESTIGATING, null, CaseAction.PROPOSE, "a").change();
        assertThat(proposed.state()).isEqualTo(CaseState.PROPOSED);
        assertThat(proposed.proposedBy()).isEqualTo("a");
        assertThat(proposed.outcome()).isEqualTo(CaseOutcome.FALSE_POSITIVE);
        CaseRules.Decision self = decide(CaseState.PROPOSED, "a", CaseAction.APPROVE, "a");
        assertThat(self.allowed()).isFalse();
        assertThat(self.refusal()).contains("four eyes");
        CaseRules.Change approved = decide(CaseState.PROPOSED, "a", CaseAction.APPROVE, "b").change();
        assertThat(approved.state()).isEqualTo(CaseState.CLOSED);
        assertThat(approved.outcome()).isEqualTo(CaseOutcome.VENUE_EXPLAINED);
    }

    @Test
    void everyStateAndActionHasAnAnswer() {
        for (CaseState state : CaseState.values()) {
            for (CaseAction action : CaseAction.values()) {
                CaseRules.Decision d = decide(state, "proposer", action, "someone-else");
                assertThat(d.allowed() ^ d.refusal() != null).as("%s %s", state, action).isTrue();
                if (state == CaseState.CLOSED && action != CaseAction.EVIDENCE) {
                    assertThat(d.allowed()).as("a closed case never changes (%s)", action).isFalse();
                }
                if (action == CaseAction.EVIDENCE) {
                    assertThat(d.allowed()).as("evidence is exported in every state (%s)", state).isTrue();
                    assertThat(d.change().state()).as("and changes nothing").isEqualTo(state);
                }
                if (action == CaseAction.OPENED) {
                    assertThat(d.allowed()).isFalse();
                }
            }
        }
        assertThat(decide(CaseState.INVESTIGATING, null, CaseAction.INVESTIGATE, "a").allowed()).isFalse();
        assertThat(decide(CaseState.OPEN, null, CaseAction.APPROVE, "a").allowed()).isFalse();
        assertThat(decide(CaseState.OPEN, null, CaseAction.REJECT, "a").allowed()).isFalse();
        assertThat(decide(CaseState.PROPOSED, "a", CaseAction.PROPOSE, "b").allowed()).isFalse();
        assertThat(decide(CaseState.PROPOSED, "a", CaseAction.REJECT, "b").change().state()).isEqualTo(CaseState.INVESTIGATING);
        assertThat(decide(CaseState.PROPOSED, "a", CaseAction.CLEARED, "system").change().state()).isEqualTo(CaseState.CLOSED);
        assertThat(CaseRules.decide(CaseState.OPEN, null, null, CaseAction.PROPOSE, "a", null).refusal())
                .contains("names its outcome");
    }
}
