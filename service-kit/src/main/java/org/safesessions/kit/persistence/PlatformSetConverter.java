package org.safesessions.kit.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.safesessions.events.consent.Platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of platforms as a sorted comma list ("SKYPE,ZOOM"). */
@Converter
public class PlatformSetConverter implements AttributeConverter<Set<Platform>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Platform> platforms) {
        return platforms.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<Platform> convertToEntityAttribute(String column) {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(Platform::valueOf).forEach(platforms::add);
        }
        return platforms;
    }
}
