package io.liqaudit.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Renders Jackson reference paths as JSON paths, e.g. {@code $.fills[1].price}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** Where a streaming parser stood when it failed, e.g. {@code $.events[3].venue}; {@code $} when unknown. */
    public static String of(Object processor) {
        if (!(processor instanceof JsonParser parser) || parser.getParsingContext() == null) {
            return "$";
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, "." + c.getCurrentName());
            }
        }
        return "$" + path;
    }

    public static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
