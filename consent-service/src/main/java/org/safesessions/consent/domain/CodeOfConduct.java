package org.safesessions.consent.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The online safety code of conduct young people agree to, by version. The items are what the seed policies
 * expect from young people during an online session; a new wording is a new version, so an agreement always
 * refers to the words the young person actually saw.
 */
public record CodeOfConduct(String version, List<String> commitments) {

    public static final CodeOfConduct V2026_1 = new CodeOfConduct("2026.1", List.of(
            "Live is live: what I say and show can be seen and heard by everyone in the session.",
            "I will not share personal information, mine or anyone else's.",
            "I will not accept contact requests from people I don't know.",
            "I will think about where I am broadcasting from and respect the people at home with me.",
            "I will treat everyone with respect, welcome new people and respect each other's differences.",
            "I will respect confidentiality.",
            "I will not swear or use violent, bullying or abusive language or behaviour.",
            "I will not record, screenshot or screen-capture the session.",
            "I will respect other people's personal space and boundaries.",
            "If I see or hear anything upsetting or inappropriate, I will tell a youth worker."));

    private static final Map<String, CodeOfConduct> PUBLISHED = Map.of(V2026_1.version, V2026_1);

    public static CodeOfConduct current() {
        return V2026_1;
    }

    public static Optional<CodeOfConduct> version(String version) {
        return Optional.ofNullable(PUBLISHED.get(version));
    }
}
