package io.liqaudit.standing;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqaudit.engine.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The effective-verdict rule, every combination of engine verdict and chain flag. */
class EffectiveVerdictTest {

    @Test
    void aBrokenChainMakesAConsistentReplayDiscrepantAndNothingElse() {
        assertThat(EffectiveVerdict.of(Verdict.CONSISTENT, false)).isEqualTo(Verdict.CONSISTENT);
        assertThat(EffectiveVerdict.of(Verdict.CONSISTENT, true)).isEqualTo(Verdict.DISCREPANT);
        assertThat(EffectiveVerdict.of(Verdict.DISCREPANT, false)).isEqualTo(Verdict.DISCREPANT);
        assertThat(EffectiveVerdict.of(Verdict.DISCREPANT, true)).isEqualTo(Verdict.DISCREPANT);
        assertThat(EffectiveVerdict.of(Verdict.UNVERIFIABLE, false)).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(EffectiveVerdict.of(Verdict.UNVERIFIABLE, true)).isEqualTo(Verdict.UNVERIFIABLE);
    }

    @Test
    void theChainsFindingStandsBesideTheEnginesOnceAndGoesWhenTheChainHolds() {
        assertThat(EffectiveVerdict.findingCodes(List.of("TRIGGER_NOT_MET"), true))
                .containsExactly("TRIGGER_NOT_MET", "FUND_BALANCE_DISCONTINUITY");
        assertThat(EffectiveVerdict.findingCodes(List.of("FUND_BALANCE_DISCONTINUITY", "TRIGGER_NOT_MET"), true))
                .containsExactly("TRIGGER_NOT_MET", "FUND_BALANCE_DISCONTINUITY");
        assertThat(EffectiveVerdict.findingCodes(List.of("TRIGGER_NOT_MET", "FUND_BALANCE_DISCONTINUITY"), false))
                .containsExactly("TRIGGER_NOT_MET");
        assertThat(EffectiveVerdict.findingCodes(List.of(), false)).isEmpty();
    }
}
