package org.safesessions.consent.rest;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.safesessions.kit.time.Time;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A date of birth of someone youth services work with (up to 25): an older one is a typing error. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = YoungPersonAge.Check.class)
public @interface YoungPersonAge {

    int maxAge() default 25;

    String message() default "must be the date of birth of a young person ({maxAge} or under)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A bean, so that "today" comes from the service's one clock. */
    @Dependent
    class Check implements ConstraintValidator<YoungPersonAge, LocalDate> {

        @Inject
        Time time;

        private int maxAge;

        @Override
        public void initialize(YoungPersonAge annotation) {
            maxAge = annotation.maxAge();
        }

        @Override
        public boolean isValid(LocalDate dateOfBirth, ConstraintValidatorContext context) {
            return dateOfBirth == null || dateOfBirth.isAfter(time.now().toLocalDate().minusYears(maxAge + 1L));
        }
    }
}
