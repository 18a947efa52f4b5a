package org.safesessions.kit.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What one resource method declares about its edges, read once from its annotations: the media types it produces
 * (SPEC §8: {@code application/json} unless it says otherwise), those it consumes (JSON unless it says otherwise),
 * and its path and query parameters with the types they must convert to.
 */
record OperationContract(List<MediaType> produces, boolean producesByDefault, List<MediaType> consumes,
                         List<Param> params) {

    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    /** A path or query parameter, and how to tell whether a raw value converts to its Java type. */
    record Param(String name, boolean inPath, String typeName, Function<String, ?> parse) {
    }

    static OperationContract of(Method method) {
        Class<?> resource = method.getDeclaringClass();
        List<MediaType> produces = mediaTypes(annotation(method, resource, Produces.class) instanceof Produces p ? p.value() : null);
        List<MediaType> consumes = mediaTypes(annotation(method, resource, Consumes.class) instanceof Consumes c ? c.value() : null);
        List<Param> params = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = parameter.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        param(field, field.getName(), field.getType()).ifPresent(params::add);
                    }
                }
            } else {
                param(parameter, parameter.getName(), parameter.getType()).ifPresent(params::add);
            }
        }
        return new OperationContract(produces.isEmpty() ? List.of(JSON) : produces, produces.isEmpty(),
                consumes.isEmpty() ? List.of(JSON) : consumes, List.copyOf(params));
    }

    private static Annotation annotation(Method method, Class<?> resource, Class<? extends Annotation> kind) {
        Annotation onMethod = method.getAnnotation(kind);
        return onMethod != null ? onMethod : resource.getAnnotation(kind);
    }

    private static List<MediaType> mediaTypes(String[] values) {
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).map(MediaType::valueOf).toList();
    }

    private static java.util.Optional<Param> param(AnnotatedElement element, String fallbackName, Class<?> type) {
        String name = null;
        boolean inPath = false;
        if (element.getAnnotation(PathParam.class) instanceof PathParam p) {
            name = p.value();
            inPath = true;
        } else if (element.getAnnotation(RestPath.class) instanceof RestPath p) {
            name = p.value().isEmpty() ? fallbackName : p.value();
            inPath = true;
        } else if (element.getAnnotation(QueryParam.class) instanceof QueryParam q) {
            name = q.value();
        } else if (element.getAnnotation(RestQuery.class) instanceof RestQuery q) {
            name = q.value().isEmpty() ? fallbackName : q.value();
        }
        Function<String, ?> parse = parser(type);
        if (name == null || parse == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Param(name, inPath, typeName(type), parse));
    }

    private static final Map<Class<?>, Function<String, ?>> PARSERS = Map.ofEntries(
            Map.entry(UUID.class, UUID::fromString),
            Map.entry(int.class, Integer::parseInt), Map.entry(Integer.class, Integer::parseInt),
            Map.entry(long.class, Long::parseLong), Map.entry(Long.class, Long::parseLong),
            Map.entry(short.class, Short::parseShort), Map.entry(Short.class, Short::parseShort),
            Map.entry(LocalDate.class, LocalDate::parse), Map.entry(LocalDateTime.class, LocalDateTime::parse),
            Map.entry(OffsetDateTime.class, OffsetDateTime::parse), Map.entry(ZonedDateTime.class, ZonedDateTime::parse),
            Map.entry(Instant.class, Instant::parse));

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, ?> parser(Class<?> type) {
        if (type.isEnum()) {
            boolean ownConversion = Arrays.stream(type.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals("fromString") || m.getName().equals("fromValue"));
            return ownConversion ? null : value -> Enum.valueOf((Class) type, value);
        }
        return PARSERS.get(type);
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "a whole number in range";
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            default -> "an ISO-8601 " + type.getSimpleName();
        };
    }
}
