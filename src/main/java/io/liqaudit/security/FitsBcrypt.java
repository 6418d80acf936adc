package io.liqaudit.security;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A password bcrypt reads whole: at most 72 bytes in UTF-8 (bcrypt ignores the rest). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FitsBcrypt.Validator.class)
public @interface FitsBcrypt {

    String message() default "must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FitsBcrypt, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Passwords.MAX_BYTES;
        }
    }
}
