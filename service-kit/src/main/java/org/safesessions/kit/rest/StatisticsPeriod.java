package org.safesessions.kit.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The period of a statistics request (safeguarding's concerns, session-service's sessions), {@code
 * ?from=2026-01-01&to=2026-12-31}, as a {@code @BeanParam}: both days required and included, {@code to} not before
 * {@code from}, at most {@value #MAX_DAYS} days in all. A bad period is 400 naming the field.
 */
@StatisticsPeriod.InOrderWithinAYear
public class StatisticsPeriod {

    public static final int MAX_DAYS = 366;

    @QueryParam("from")
    @NotNull(message = "is required: a date, yyyy-mm-dd")
    public LocalDate from;

    @QueryParam("to")
    @NotNull(message = "is required: a date, yyyy-mm-dd")
    public LocalDate to;

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Check.class)
    public @interface InOrderWithinAYear {
        String message() default "must not be before from, and at most 366 days from it";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Names {@code to}, the end that is out of place; a missing day is {@code @NotNull}'s to report. */
    public static class Check implements ConstraintValidator<InOrderWithinAYear, StatisticsPeriod> {
        @Override
        public boolean isValid(StatisticsPeriod period, ConstraintValidatorContext context) {
            if (period == null || period.from == null || period.to == null) {
                return true;
            }
            String problem = period.to.isBefore(period.from) ? "must not be before from"
                    : ChronoUnit.DAYS.between(period.from, period.to) >= MAX_DAYS
                    ? "must be at most " + MAX_DAYS + " days from from, both included" : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode("to").addConstraintViolation();
            return false;
        }
    }
}
