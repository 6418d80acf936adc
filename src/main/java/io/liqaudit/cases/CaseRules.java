package io.liqaudit.cases;

/**
 * What an action does to a case, or why the rules refuse it. Pure: the state, who proposed the
 * pending resolution, the action and who takes it in; the new state out. Four eyes: whoever
 * proposed a resolution cannot approve it.
 */
public final class CaseRules {

    /** The case after an allowed action. */
    public record Change(CaseState state, CaseOutcome outcome, String proposedBy) {
    }

    /** Allowed (with the change) or refused (with the reason, for a 409). */
    public record Decision(Change change, String refusal) {
        static Decision allow(CaseState state, CaseOutcome outcome, String proposedBy) {
            return new Decision(new Change(state, outcome, proposedBy), null);
        }

        static Decision refuse(String why) {
            return new Decision(null, why);
        }

        public boolean allowed() {
            return change != null;
        }
    }

    private CaseRules() {
    }

    public static Decision decide(CaseState state, CaseOutcome outcome, String proposedBy, CaseAction action, String actor,
            CaseOutcome proposedOutcome) {
        if (action == CaseAction.EVIDENCE) {
            // Recording an export changes nothing of the case, and a closed case is what evidence is most often drawn from.
            return Decision.allow(state, outcome, proposedBy);
        }
        if (state == CaseState.CLOSED) {
            return Decision.refuse("the case is closed; a closed case is never changed");
        }
        return switch (action) {
            case ASSIGN, COMMENT, SNOOZE -> Decision.allow(state, outcome, proposedBy);
            case INVESTIGATE -> state == CaseState.OPEN ? Decision.allow(CaseState.INVESTIGATING, outcome, proposedBy)
                    : Decision.refuse("only an OPEN case can be taken into investigation; this one is " + state);
            case PROPOSE -> {
                if (proposedOutcome == null) {
                    yield Decision.refuse("a proposal names its outcome");
                }
                yield state == CaseState.PROPOSED
                        ? Decision.refuse("a resolution is already proposed; approve or reject it first")
                        : Decision.allow(CaseState.PROPOSED, proposedOutcome, actor);
            }
            case APPROVE -> {
                if (state != CaseState.PROPOSED) {
                    yield Decision.refuse("there is no proposed resolution to approve; the case is " + state);
                }
                yield actor.equals(proposedBy)
                        ? Decision.refuse("four eyes: " + actor + " proposed this resolution and cannot also approve it")
                        : Decision.allow(CaseState.CLOSED, outcome, proposedBy);
            }
            case REJECT -> state == CaseState.PROPOSED ? Decision.allow(CaseState.INVESTIGATING, null, null)
                    : Decision.refuse("there is no proposed resolution to reject; the case is " + state);
            case CLEARED -> Decision.allow(CaseState.CLOSED, null, proposedBy);
            case OPENED -> Decision.refuse("a case is opened only once, by the service");
            case EVIDENCE -> Decision.allow(state, outcome, proposedBy);
        };
    }
}
