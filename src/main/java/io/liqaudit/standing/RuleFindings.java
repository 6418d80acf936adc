package io.liqaudit.standing;

import java.util.List;

/** What a check against the venue's published rules found of one event whose findings changed: its finding codes (empty: none). */
public record RuleFindings(long sequence, List<String> codes) {
    public RuleFindings {
        codes = List.copyOf(codes);
    }
}
