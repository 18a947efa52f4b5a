package org.safesessions.consent.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.safesessions.consent.application.YoungPeopleRegister;
import org.safesessions.consent.domain.ContactChannel;
import org.safesessions.consent.domain.Language;
import org.safesessions.consent.domain.YoungPerson;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the young-people resource. */
public final class YoungPersonRequests {

    private YoungPersonRequests() {
    }

    public record Register(
            @NotBlank @Size(max = 100) String preferredName,
            @NotNull @Past @YoungPersonAge LocalDate dateOfBirth,
            @NotNull @Pattern(regexp = "[EWSN]\\d{8}", message = "must be a 9-character ONS local authority code, e.g. E09000024")
            String localAuthorityCode,
            @NotEmpty @Size(max = YoungPerson.MAX_GUARDIANS) List<@Valid @NotNull GuardianDetails> guardians,
            @Email @Size(max = 254) String email,
            @Schema(enumeration = {"en", "cy"}, defaultValue = "en", description = "the language messages are written in: en (English, the default) or cy (Welsh)")
            @Pattern(regexp = Language.CODES, message = "must be en or cy") String preferredLanguage) {

        public Register(String preferredName, LocalDate dateOfBirth, String localAuthorityCode,
                        List<GuardianDetails> guardians, String email) {
            this(preferredName, dateOfBirth, localAuthorityCode, guardians, email, null);
        }

        public Register(String preferredName, LocalDate dateOfBirth, String localAuthorityCode,
                        List<GuardianDetails> guardians) {
            this(preferredName, dateOfBirth, localAuthorityCode, guardians, null, null);
        }

        public YoungPeopleRegister.Register command() {
            return new YoungPeopleRegister.Register(preferredName, dateOfBirth, localAuthorityCode,
                    guardians.stream().map(GuardianDetails::command).toList(), email, language(preferredLanguage));
        }
    }

    /**
     * New contact details: the young person's own email (null removes it) and, for each guardian listed, their
     * email, phone and preferred channel. Guardians not listed keep theirs.
     */
    public record ContactDetails(
            @Email @Size(max = 254) String email,
            @NotNull @Size(max = YoungPerson.MAX_GUARDIANS) List<@Valid @NotNull GuardianContact> guardians,
            @Schema(enumeration = {"en", "cy"}, description = "the language messages are written in: en (English) or cy (Welsh); left out, it stays as it is")
            @Pattern(regexp = Language.CODES, message = "must be en or cy") String preferredLanguage) {

        public ContactDetails(String email, List<GuardianContact> guardians) {
            this(email, guardians, null);
        }

        public YoungPeopleRegister.ChangeContactDetails command() {
            return new YoungPeopleRegister.ChangeContactDetails(email,
                    guardians.stream().map(GuardianContact::command).toList(), keptLanguage(preferredLanguage));
        }
    }

    public record GuardianContact(
            @NotNull UUID id,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9 ]{7,20}", message = "must be a phone number") String phone,
            @NotNull ContactChannel preferredChannel,
            @Schema(enumeration = {"en", "cy"}, description = "the language messages are written in: en (English) or cy (Welsh); left out, it stays as it is")
            @Pattern(regexp = Language.CODES, message = "must be en or cy") String preferredLanguage) {

        public GuardianContact(UUID id, String email, String phone, ContactChannel preferredChannel) {
            this(id, email, phone, preferredChannel, null);
        }

        @Schema(hidden = true) // a validation rule, not a field
        @AssertTrue(message = "the preferred channel needs its contact detail (email for EMAIL, phone for SMS)")
        public boolean isReachableByPreferredChannel() {
            return reachable(preferredChannel, email, phone);
        }

        YoungPeopleRegister.GuardianContact command() {
            return new YoungPeopleRegister.GuardianContact(id, email, phone, preferredChannel,
                    keptLanguage(preferredLanguage));
        }
    }

    public record GuardianDetails(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 50) String relationship,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9 ]{7,20}", message = "must be a phone number") String phone,
            @NotNull ContactChannel preferredChannel,
            @Schema(enumeration = {"en", "cy"}, defaultValue = "en", description = "the language messages are written in: en (English, the default) or cy (Welsh)")
            @Pattern(regexp = Language.CODES, message = "must be en or cy") String preferredLanguage) {

        public GuardianDetails(String name, String relationship, String email, String phone,
                               ContactChannel preferredChannel) {
            this(name, relationship, email, phone, preferredChannel, null);
        }

        @Schema(hidden = true) // a validation rule, not a field
        @AssertTrue(message = "the preferred channel needs its contact detail (email for EMAIL, phone for SMS)")
        public boolean isReachableByPreferredChannel() {
            return reachable(preferredChannel, email, phone);
        }

        YoungPeopleRegister.GuardianDetails command() {
            return new YoungPeopleRegister.GuardianDetails(name, relationship, email, phone, preferredChannel,
                    language(preferredLanguage));
        }
    }

    /** Validated by its {@code @Pattern} before this is called; none given is English. */
    private static Language language(String code) {
        return Language.ofCode(code);
    }

    /** In a change, none given keeps the language on record. */
    private static Language keptLanguage(String code) {
        return code == null ? null : Language.ofCode(code);
    }

    private static boolean reachable(ContactChannel channel, String email, String phone) {
        if (channel == null) {
            return true; // @NotNull reports it
        }
        return switch (channel) {
            case EMAIL -> email != null && !email.isBlank();
            case SMS -> phone != null && !phone.isBlank();
        };
    }
}
