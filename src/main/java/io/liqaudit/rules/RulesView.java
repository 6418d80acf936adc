package io.liqaudit.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an event's page and API say of its venue's published rules: the state, and when it was
 * checked, each finding ({code, field, published, event}).
 */
public record RulesView(State state, JsonNode findings) {

    public enum State {
        /** The venue published no rules: the event was verified on the rules it carries, which nobody published independently. */
        NOT_PUBLISHED,
        /** The venue published rules after this event arrived; a re-check is under way. */
        PENDING,
        /** The event cites a rule set in force when it happened and carries exactly its rules. */
        FOLLOWS,
        /** The event breaks its venue's published rules (findings say how): its verdict is DISCREPANT. */
        BREAKS
    }
}
