package org.safesessions.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safesessions.consent.domain.ContactChannel;
import org.safesessions.consent.domain.Guardian;
import org.safesessions.consent.domain.Visibility;
import org.safesessions.consent.domain.YoungPerson;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the young-people resource answers. Contact details only where the caller's {@link Visibility} shows them. */
public final class YoungPersonViews {

    private YoungPersonViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"id", "preferredName", "dateOfBirth", "localAuthorityCode", "registeredAt",
            "preferredLanguage"})
    public record YoungPersonView(UUID id, String preferredName, LocalDate dateOfBirth, String localAuthorityCode,
                                  OffsetDateTime registeredAt, String email, List<GuardianView> guardians,
                                  OffsetDateTime anonymisedAt,
                                  @Schema(enumeration = {"en", "cy"}) String preferredLanguage) {

        static YoungPersonView of(YoungPerson yp, Visibility visibility) {
            boolean withContacts = visibility.contactDetails();
            return new YoungPersonView(yp.id, yp.preferredName, yp.dateOfBirth, yp.localAuthorityCode, yp.registeredAt,
                    withContacts ? yp.email : null,
                    withContacts ? yp.guardians.stream().map(GuardianView::of).toList() : null, yp.anonymisedAt,
                    yp.preferredLanguage.code());
        }
    }

    /** The shape of {@code GET /young-people} (a kit {@code Page} of views), named for the OpenAPI document. */
    @Schema(name = "YoungPersonPage", description = "one page of young people, newest first",
            requiredProperties = {"items", "page", "size", "total"})
    public record YoungPersonPage(List<YoungPersonView> items, int page, int size, long total) {
    }

    @Schema(requiredProperties = {"id", "name", "relationship", "preferredChannel", "preferredLanguage"})
    public record GuardianView(UUID id, String name, String relationship, String email, String phone,
                               ContactChannel preferredChannel,
                               @Schema(enumeration = {"en", "cy"}) String preferredLanguage) {
        static GuardianView of(Guardian g) {
            return new GuardianView(g.id, g.name, g.relationship, g.email, g.phone, g.preferredChannel,
                    g.preferredLanguage.code());
        }
    }

    /**
     * For services that send messages (notification-service): who to contact, looked up at sending time. The date
     * of birth and the young person's own email let invitations also go to young people of 13 or over.
     */
    @Schema(requiredProperties = {"youngPersonId", "organisation", "preferredName", "guardians", "dateOfBirth",
            "preferredLanguage"})
    public record Contacts(UUID youngPersonId, String organisation, String preferredName, List<GuardianView> guardians,
                           LocalDate dateOfBirth, String email,
                           @Schema(enumeration = {"en", "cy"}, description = "the young person's own messages' language; each guardian has theirs")
                           String preferredLanguage) {
        static Contacts of(YoungPerson yp) {
            return new Contacts(yp.id, yp.organisation, yp.preferredName, yp.guardians.stream().map(GuardianView::of).toList(),
                    yp.dateOfBirth, yp.email, yp.preferredLanguage.code());
        }
    }
}
