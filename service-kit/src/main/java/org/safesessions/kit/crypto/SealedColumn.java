package org.safesessions.kit.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A column a service keeps sealed by {@link FieldCipher}, declared as a CDI bean ({@code @Produces}) so that
 * {@link KeyRotation} can re-seal it after a new key becomes active. It names the table, the columns that identify a
 * row (unique, for paging through the table), the key id and cipher text columns, and the associated data the row
 * was sealed with: {@code binding} is given the row's {@code rowKey} and {@code bindingColumns} values by column name
 * and must return exactly what the service passes to {@code seal} and {@code open}, or nothing re-seals.
 * {@code resealableWhen}, when present, is an SQL condition a row must meet to be re-sealed (rows on an old key that
 * do not meet it are counted apart). Names are SQL identifiers from code, never from a request.
 */
public record SealedColumn(String table, List<String> rowKey, String keyIdColumn, String cipherColumn,
                           List<String> bindingColumns, Function<Map<String, Object>, String> binding,
                           Optional<String> resealableWhen) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public SealedColumn {
        rowKey = List.copyOf(rowKey);
        bindingColumns = List.copyOf(bindingColumns);
        if (rowKey.isEmpty()) {
            throw new IllegalArgumentException("a sealed column needs the columns that identify its rows");
        }
        List<String> names = new ArrayList<>(rowKey);
        names.addAll(List.of(table, keyIdColumn, cipherColumn));
        names.addAll(bindingColumns);
        for (String name : names) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not an SQL identifier: " + name);
            }
        }
    }

    /** A column whose rows are identified, and bound, by {@code rowKey} alone. */
    public static SealedColumn of(String table, String rowKey, String keyIdColumn, String cipherColumn,
                                  Function<Map<String, Object>, String> binding) {
        return new SealedColumn(table, List.of(rowKey), keyIdColumn, cipherColumn, List.of(), binding, Optional.empty());
    }

    /** The same, identified by several columns (a composite primary key). */
    public static SealedColumn of(String table, List<String> rowKey, String keyIdColumn, String cipherColumn,
                                  Function<Map<String, Object>, String> binding) {
        return new SealedColumn(table, rowKey, keyIdColumn, cipherColumn, List.of(), binding, Optional.empty());
    }

    /** The binding also reads these columns (besides the row key). */
    public SealedColumn alsoReading(String... columns) {
        return new SealedColumn(table, rowKey, keyIdColumn, cipherColumn, List.of(columns), binding, resealableWhen);
    }

    /** Only rows meeting this SQL condition are re-sealed. */
    public SealedColumn resealableOnlyWhere(String sqlCondition) {
        return new SealedColumn(table, rowKey, keyIdColumn, cipherColumn, bindingColumns, binding,
                Optional.of(sqlCondition));
    }

    /** How ops and metrics name it: {@code table.cipher_column}. */
    public String name() {
        return table + "." + cipherColumn;
    }
}
