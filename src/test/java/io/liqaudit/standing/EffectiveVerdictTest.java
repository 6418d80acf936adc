package io.liqaudit.standing;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.engine.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The effective-verdict rule, every combination of engine verdict, chain flag and rule findings. */
class EffectiveVerdictTest {

    @Test
    void aBrokenChainMakesAConsistentReplayDiscrepantAndNothingElse() {
        assertThat(EffectiveVerdict.of(Verdict.CONSISTENT, false, List.of())).isEqualTo(Verdict.CONSISTENT);
        assertThat(EffectiveVerdict.of(Verdict.CONSISTENT, true, List.of())).isEqualTo(Verdict.DISCREPANT);
        assertThat(EffectiveVerdict.of(Verdict.DISCREPANT, false, List.of())).isEqualTo(Verdict.DISCREPANT);
        assertThat(EffectiveVerdict.of(Verdict.DISCREPANT, true, List.of())).isEqualTo(Verdict.DISCREPANT);
        assertThat(EffectiveVerdict.of(Verdict.UNVERIFIABLE, false, List.of())).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(EffectiveVerdict.of(Verdict.UNVERIFIABLE, true, List.of())).isEqualTo(Verdict.UNVERIFIABLE);
    }

    @Test
    void theChainsFindingStandsBesideTheEnginesOnceAndGoesWhenTheChainHolds() {
        assertThat(EffectiveVerdict.findingCodes(List.of("TRIGGER_NOT_MET"), true, List.of()))
                .containsExactly("TRIGGER_NOT_MET", "FUND_BALANCE_DISCONTINUITY");
        assertThat(EffectiveVerdict.findingCodes(List.of("FUND_BALANCE_DISCONTINUITY", "TRIGGER_NOT_MET"), true, List.of()))
                .containsExactly("TRIGGER_NOT_MET", "FUND_BALANCE_DISCONTINUITY");
        assertThat(EffectiveVerdict.findingCodes(List.of("TRIGGER_NOT_MET", "FUND_BALANCE_DISCONTINUITY"), false, List.of()))
                .containsExactly("TRIGGER_NOT_MET");
        assertThat(EffectiveVerdict.findingCodes(List.of(), false, List.of())).isEmpty();
    }

    @Test
    void brokenPublishedRulesMakeEveryVerdictDiscrepantAndTheirFindingsComeLast() {
        for (Verdict engine : Verdict.values()) {
            for (boolean flag : new boolean[] {false, true}) {
                assertThat(EffectiveVerdict.of(engine, flag, List.of("RULES_MISMATCH"))).isEqualTo(Verdict.DISCREPANT);
            }
        }
        assertThat(EffectiveVerdict.findingCodes(List.of("TRIGGER_NOT_MET"), true, List.of("RULES_MISMATCH", "RULE_VERSION_NOT_IN_FORCE")))
                .containsExactly("TRIGGER_NOT_MET", "FUND_BALANCE_DISCONTINUITY", "RULES_MISMATCH", "RULE_VERSION_NOT_IN_FORCE");
    }
}
