package org.safesessions.kit.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Test only: one row per event InboxTest's consumer applied (table from the test migration). */
@Entity
@Table(name = "kit_test_tally")
public class Tally extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String consumer;
}
