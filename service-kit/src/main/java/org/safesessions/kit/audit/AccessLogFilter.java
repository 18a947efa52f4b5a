package org.safesessions.kit.audit;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code ?recordId&user&from&to} as a {@code @BeanParam}: which entries of the access log to read. Every part is
 * optional; {@code from} is inclusive, {@code to} exclusive (ISO-8601 with offset; URL-encode a {@code +}), and
 * {@code user} is a user name in any case.
 */
@AccessLogFilter.PeriodInOrder
public class AccessLogFilter {

    /** The record, or the person whose records (e.g. a young person's id). */
    @QueryParam("recordId")
    public UUID recordId;

    @QueryParam("user")
    @Size(min = 1, max = 128, message = "must be 1 to 128 characters")
    public String user;

    @QueryParam("from")
    public OffsetDateTime from;

    @QueryParam("to")
    public OffsetDateTime to;

    public AccessLogFilter() {
    }

    public AccessLogFilter(UUID recordId, String user, OffsetDateTime from, OffsetDateTime to) {
        this.recordId = recordId;
        this.user = user;
        this.from = from;
        this.to = to;
    }

    /** The period must not end before it starts: a 400 naming {@code to}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PeriodInOrder.Check.class)
    public @interface PeriodInOrder {
        String message() default "must not be before from";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** A class-level check: a constrained getter of a bean parameter would be validated as a method instead. */
        class Check implements ConstraintValidator<PeriodInOrder, AccessLogFilter> {
            @Override
            public boolean isValid(AccessLogFilter filter, ConstraintValidatorContext context) {
                if (filter == null || filter.from == null || filter.to == null || !filter.to.isBefore(filter.from)) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("to").addConstraintViolation();
                return false;
            }
        }
    }
}
