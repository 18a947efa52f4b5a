package org.safesessions.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;

import java.util.UUID;

/** The SMS gateway's delivery receipts: a text it was given reached the phone, or could not be delivered. */
@ApplicationScoped
public class SmsReceipts {

    @Inject
    Time time;

    /**
     * Records a receipt for the text with this reference (its delivery id): DELIVERED, or FAILED with the gateway's
     * reason. A repeated or late receipt changes nothing. No such text: {@link RecordNotFoundException}.
     */
    @Transactional
    public DeliveryStatus record(UUID reference, boolean delivered, String reason) {
        Delivery delivery = Delivery.<Delivery>findByIdOptional(reference)
                .filter(d -> d.channel == Channel.SMS)
                .orElseThrow(() -> new RecordNotFoundException("text message"));
        delivery.receipt(delivered, reason, time.now());
        return delivery.status;
    }
}
