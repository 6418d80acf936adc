package io.liqaudit.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Applies {@link ExactDecimalJson} to the ObjectMapper that Quarkus REST uses. */
@Singleton
public class JacksonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ExactDecimalJson.configure(mapper);
    }
}
