package org.safesessions.safeguarding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/** An England and Wales bank holiday: data in a table (seeded by migration), not a rule in code. */
@Entity
@Table(name = "bank_holiday")
public class BankHoliday extends PanacheEntityBase {

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public String name;

    public static Set<LocalDate> between(LocalDate from, LocalDate to) {
        return BankHoliday.<BankHoliday>list("day between ?1 and ?2", from, to).stream()
                .map(h -> h.day).collect(Collectors.toSet());
    }
}
