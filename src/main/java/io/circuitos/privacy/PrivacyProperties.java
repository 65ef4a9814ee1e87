package io.circuitos.privacy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.privacy.personal-variables}: the process variables that carry customer contact data
 * or free text besides the webhook route fields marked {@code personal: true} (drafts, answers, replies,
 * titles built from names). Readers without the engine's {@code READ_HISTORY_VARIABLE} see them redacted.
 */
@ConfigurationProperties("circuitos.privacy")
public record PrivacyProperties(@DefaultValue List<String> personalVariables) {
}
