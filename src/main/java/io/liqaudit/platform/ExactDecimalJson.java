package io.liqaudit.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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
        return mapper
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
