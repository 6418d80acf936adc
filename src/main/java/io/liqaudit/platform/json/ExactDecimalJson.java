package io.liqaudit.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The one place that decides how decimals cross JSON: read exactly (a JSON number becomes a
 * {@link BigDecimal} from its text, never a {@code double}) and written as a plain string
 * ({@code "0.000000000000000001"}, never {@code 1E-18}). Used by the REST layer and by the
 * Hibernate {@code jsonb} mapper, so both agree digit for digit.
 */
public final class ExactDecimalJson {

    private ExactDecimalJson() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        // A number or boolean is not a string: {"venue": 5} is refused, never read as "5".
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper
                // A key twice in one object has no single meaning (today's parser keeps the last): refuse it.
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("exact-decimals")
                        .addSerializer(BigDecimal.class, new PlainDecimalAsString()));
    }

    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }

    /**
     * For reading back what the service itself stored. Its content passed the input rules when it
     * arrived; content stored before those rules may hold longer numbers than Jackson reads by
     * default, and must still read back (and rebuild its leaf) rather than fail.
     */
    public static ObjectMapper storedMapper() {
        ObjectMapper mapper = configure(new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE).build())
                .build()));
        return mapper;
    }

    /** Writes every {@link BigDecimal} as a JSON string in plain notation, as the public contract says. */
    static final class PlainDecimalAsString extends StdSerializer<BigDecimal> {
        PlainDecimalAsString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
