package io.liqaudit.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A problem document as text, for answers written below the REST layer (Vert.x routes). */
final class ProblemJson {

    private static final ObjectMapper JSON = ExactDecimalJson.newMapper();

    private ProblemJson() {
    }

    static String text(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
