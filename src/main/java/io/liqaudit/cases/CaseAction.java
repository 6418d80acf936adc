package io.liqaudit.cases;

import java.util.Locale;

/** What can happen to a case; the first seven are what people do (as {@code POST /api/v1/cases/{id}/{action}}). */
public enum CaseAction {
    ASSIGN, COMMENT, INVESTIGATE, PROPOSE, APPROVE, REJECT, SNOOZE,
    /** The service opened the case for a DISCREPANT or UNVERIFIABLE event. */
    OPENED,
    /** A re-verification found the event CONSISTENT: the service closed the case. */
    CLEARED,
    /** Someone exported the case's evidence bundle; the entry names its SHA-256, so the file handed on can be matched. */
    EVIDENCE;

    /** The action named in a URL ({@code approve}), or null when people cannot take it. */
    public static CaseAction ofPath(String name) {
        for (CaseAction a : values()) {
            if (a.ordinal() <= SNOOZE.ordinal() && a.name().toLowerCase(Locale.ROOT).equals(name)) {
                return a;
            }
        }
        return null;
    }
}
