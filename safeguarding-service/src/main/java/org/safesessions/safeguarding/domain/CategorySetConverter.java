package org.safesessions.safeguarding.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.safesessions.events.safeguarding.ConcernCategory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a concern's categories as a sorted comma list of codes ("BULLYING,CYBERBULLYING"). */
@Converter
public class CategorySetConverter implements AttributeConverter<Set<ConcernCategory>, String> {

    @Override
    public String convertToDatabaseColumn(Set<ConcernCategory> categories) {
        return categories.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<ConcernCategory> convertToEntityAttribute(String column) {
        Set<ConcernCategory> categories = EnumSet.noneOf(ConcernCategory.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(ConcernCategory::valueOf).forEach(categories::add);
        }
        return categories;
    }
}
