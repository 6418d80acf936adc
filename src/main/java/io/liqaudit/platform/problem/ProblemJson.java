package io.liqaudit.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liqaudit.platform.json.ExactDecimalJson;

/** A problem document as text, for answers written below the REST layer (Vert.x routes). */
public final class ProblemJson {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    private ProblemJson() {
    }

    public static String text(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
