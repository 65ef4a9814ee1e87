package io.circuitos.intake;

import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One payload field of a {@link Route}, read by its name in the run it starts or continues ({@link Route#startVariables}).
 *
 * @param name     the name the run reads it by
 * @param path     dotted path in the event, e.g. {@code data.contact.email}
 * @param type     {@code string}, {@code number}, {@code integer}, {@code boolean} or {@code email}
 * @param required whether the event is rejected without it
 * @param min      inclusive lower bound for numbers
 * @param max      inclusive upper bound for numbers
 * @param values   the only accepted values of a text field, when set
 * @param defaultValue used when an optional field is absent (so decision tables always see the variable)
 * @param personal whether the field is customer contact data or free text: shown to analysts as redacted
 *                 ({@code io.circuitos.privacy.PersonalData})
 */
public record FieldMapping(String name, String path, @DefaultValue("string") FieldType type, boolean required,
                           Double min, Double max, Integer maxLength, @DefaultValue List<String> values, String defaultValue,
                           boolean personal) {

    @ConstructorBinding
    public FieldMapping {
    }

    /** A field that is not personal data. */
    public FieldMapping(String name, String path, FieldType type, boolean required, Double min, Double max, Integer maxLength,
                        List<String> values, String defaultValue) {
        this(name, path, type, required, min, max, maxLength, values, defaultValue, false);
    }
}
