package io.circuitos.intake;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The limits every webhook and bulk row is held to, in one place, sized to what stores them: the
 * delivery table ({@code circuitos_webhook_delivery}: {@code webhook_id}, {@code business_key}
 * {@code varchar(255)}) and the engine's text variables (4,000 characters). A route whose limits do
 * not fit is refused at start-up ({@link RouteCatalogue#problems()}).
 */
public final class IntakeLimits {

    /** {@code webhook_id varchar(255)}. */
    public static final int WEBHOOK_ID_MAX_LENGTH = 255;
    /** {@code business_key varchar(255)}, and the engine's business key column. */
    public static final int BUSINESS_KEY_MAX_LENGTH = 255;
    /** The engine stores a text variable in a 4,000-character column. */
    public static final int TEXT_MAX_LENGTH = 4000;
    /** No number a route accepts is larger: beyond it doubles lose whole units. */
    public static final BigDecimal NUMBER_MAX_MAGNITUDE = new BigDecimal("1000000000000000");
    /** Control characters (NUL among them) other than tab, line feed and carriage return: refused in any text. */
    public static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    /** A webhook body larger than this is refused before it is parsed. */
    public static final int BODY_MAX_BYTES = 1_000_000;

    private IntakeLimits() {
    }
}
