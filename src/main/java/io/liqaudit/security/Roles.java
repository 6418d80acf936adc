package io.liqaudit.security;

import java.util.List;

/** The roles of Liquidation Audit. A user may hold several. */
public final class Roles {

    /** The venue's liquidation engine: records events and fund movements. */
    public static final String INGESTOR = "ingestor";
    /** Internal auditors and compliance officers: portal, event reads, audits. */
    public static final String AUDITOR = "auditor";
    /** Supervisors: report downloads and event reads. */
    public static final String REGULATOR = "regulator";
    /** Finance and operations systems: the reconciliation API and event reads. */
    public static final String RECONCILER = "reconciler";
    /** Manages users. */
    public static final String ADMIN = "admin";
    /** The venue's keeper of its published rules: publishes rule sets (reading them is public). */
    public static final String RULEKEEPER = "rulekeeper";

    public static final List<String> ALL = List.of(INGESTOR, AUDITOR, REGULATOR, RECONCILER, ADMIN, RULEKEEPER);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
