package io.circuitos.engine.sandbox;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a resource is, decided by its content as well as its name: names are plain file names, a {@code .png} is
 * a PNG of sane dimensions, and a {@code .bpmn} or {@code .dmn} file has the root element of its kind (checked by
 * {@link DeploymentCheck} while it walks the XML).
 */
final class ResourceFormat {

    enum Type { BPMN, DMN, FORM, CMMN, IMAGE, OTHER }

    static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final Set<String> DMN_NAMESPACES = Set.of("http://www.omg.org/spec/DMN/20151101/dmn.xsd", "http://www.omg.org/spec/DMN/20180521/MODEL/",
            "https://www.omg.org/spec/DMN/20191111/MODEL/", "https://www.omg.org/spec/DMN/20230324/MODEL/");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_IMAGE_SIDE = 16_384;
    private static final int MAX_NAME_LENGTH = 200;
    private static final Pattern PLAIN_NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_ .()+-]*");

    private ResourceFormat() {
    }

    static Type type(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return Type.BPMN;
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return Type.DMN;
        }
        if (lower.endsWith(".form")) {
            return Type.FORM;
        }
        if (lower.endsWith(".cmmn") || lower.endsWith(".cmmn11.xml") || lower.endsWith(".cmmn10.xml")) {
            return Type.CMMN;
        }
        return lower.endsWith(".png") ? Type.IMAGE : Type.OTHER;
    }

    /** Why {@code name} is no plain file name, if it is not. */
    static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a resource needs a file name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("resource names are plain file names of at most " + MAX_NAME_LENGTH + " characters");
        }
        if (!PLAIN_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.of("resource names are plain file names (letters, digits, space, . _ - + ( ); no folders, '..', leading"
                    + " dots or control characters)");
        }
        return Optional.empty();
    }

    /** Why {@code content} is not a PNG image, if it is not. */
    static Optional<String> pngProblem(byte[] content) {
        if (content.length < 24 || !Arrays.equals(Arrays.copyOf(content, 8), PNG_SIGNATURE)
                || !new String(content, 12, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("IHDR")) {
            return Optional.of("is named .png but is not a PNG image (checked by content, not by name)");
        }
        ByteBuffer header = ByteBuffer.wrap(content, 16, 8);
        long width = Integer.toUnsignedLong(header.getInt());
        long height = Integer.toUnsignedLong(header.getInt());
        if (width == 0 || height == 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
            return Optional.of("is a PNG of " + width + " x " + height + " pixels; at most " + MAX_IMAGE_SIDE + " per side are allowed");
        }
        return Optional.empty();
    }

    /** Why the root element is not the one a resource of this type must have, if it is not. */
    static Optional<String> rootProblem(Type type, String namespace, String name) {
        boolean ok = switch (type) {
            case BPMN -> BPMN_NAMESPACE.equals(namespace) && "definitions".equals(name);
            case DMN -> DMN_NAMESPACES.contains(namespace) && "definitions".equals(name);
            default -> true;
        };
        return ok ? Optional.empty() : Optional.of("is named ." + type.name().toLowerCase(Locale.ROOT) + " but its root element is {"
                + namespace + "}" + name + ", not the " + type + " definitions element");
    }

    static List<String> allowedExtensions() {
        return List.of(".bpmn", ".dmn", ".form", ".png");
    }
}
