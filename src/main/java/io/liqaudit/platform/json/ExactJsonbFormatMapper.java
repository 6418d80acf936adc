package io.liqaudit.platform.json;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * The {@code jsonb} mapper of Hibernate. Its default decodes JSON fractions as {@code double},
 * silently losing digits of prices and amounts; this one reads and writes them exactly.
 */
@JsonFormat
@PersistenceUnitExtension
public class ExactJsonbFormatMapper implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(ExactDecimalJson.newMapper());

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> javaType, WrapperOptions options) {
        return delegate.fromString(text, javaType, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        return delegate.toString(value, javaType, options);
    }
}
