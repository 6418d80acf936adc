package io.liqaudit.liquidation;

import io.liqaudit.engine.EngineResult;
import io.liqaudit.standing.ChainFlag;
import io.liqaudit.standing.EffectiveVerdict;
import io.liqaudit.standing.RuleFindings;
import io.liqaudit.verdicts.VerdictMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdict messages of a recorded batch, made from what the recording transaction already
 * holds (the engine's result, the fund chain's flags and the rules' findings it just stored), so
 * the stream says exactly what the event's standing says at commit, without reading it back.
 */
final class VerdictsRecorded {

    private VerdictsRecorded() {
    }

    static List<VerdictMessage> messages(List<LiquidationRepository.Arrival> created, List<Long> sequences, List<byte[]> leaves,
            String recordedAt, List<RuleFindings> ruleFindings, List<ChainFlag> chainFlags) {
        Map<Long, List<String>> rules = new HashMap<>();
        ruleFindings.forEach(f -> rules.put(f.sequence(), f.codes()));
        Set<Long> discontinuous = new HashSet<>();
        chainFlags.stream().filter(ChainFlag::discontinuity).forEach(f -> discontinuous.add(f.sequence()));
        List<VerdictMessage> out = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            Submission s = created.get(i).submission();
            long sequence = sequences.get(i);
            EngineResult result = s.recomputation();
            List<String> ruleCodes = rules.getOrDefault(sequence, List.of());
            boolean discontinuity = discontinuous.contains(sequence);
            String codes = s.columns().codes();
            List<String> engineCodes = codes.isEmpty() ? List.of() : Arrays.asList(codes.split(","));
            out.add(new VerdictMessage(sequence, s.venue(), s.eventId(), recordedAt,
                    EffectiveVerdict.of(result.verdict(), discontinuity, ruleCodes),
                    EffectiveVerdict.findingCodes(engineCodes, discontinuity, ruleCodes), result.unverifiableReasons(),
                    result.replayed().map(EngineResult.Replayed::differences).orElse(List.of()), result.engineVersion(),
                    HexFormat.of().formatHex(leaves.get(i))));
        }
        return out;
    }
}
