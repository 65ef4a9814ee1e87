package io.circuitos.engine.sandbox;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML resource with DTDs and external entities switched off, telling a visitor each element
 * (with its line and the id of the nearest element that has one) and its text.
 */
final class XmlWalk {

    interface Visitor {
        void start(Element element);

        void text(Element element, String text);

        void end(Element element);
    }

    /** An element being read; {@code parent} is null for the root. */
    record Element(String namespace, String name, List<Attribute> attributes, Element parent, String id, int line, int column) {

        String attribute(String namespaceUri, String localName) {
            for (Attribute attribute : attributes) {
                if (attribute.name().equals(localName) && Objects.equals(attribute.namespace(), namespaceUri)) {
                    return attribute.value();
                }
            }
            return null;
        }

        boolean is(String namespaceUri, String localName) {
            return namespaceUri.equals(namespace) && localName.equals(name);
        }
    }

    /** {@code namespace} is null for an attribute without a prefix. */
    record Attribute(String namespace, String name, String value) {
    }

    private static final XMLInputFactory FACTORY = factory();

    private XmlWalk() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** A document over one of the size and shape limits; the walk stops at the first element over it. */
    static final class LimitExceeded extends XMLStreamException {

        private final String reason;

        LimitExceeded(String reason, XMLStreamReader reader) {
            super(reason, reader.getLocation());
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** Walks {@code xml}; a document that is not well-formed XML (or has a DOCTYPE) throws with the line. */
    static void walk(byte[] xml, Visitor visitor) throws XMLStreamException {
        walk(xml, visitor, null);
    }

    /** As {@link #walk(byte[], Visitor)}, stopping with {@link LimitExceeded} when the document is over a limit. */
    static void walk(byte[] xml, Visitor visitor, DeploymentLimits limits) throws XMLStreamException {
        XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        Deque<Element> open = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        int elements = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new XMLStreamException("a DOCTYPE is not allowed", reader.getLocation());
                    case XMLStreamConstants.START_ELEMENT -> {
                        flushText(open, text, visitor);
                        if (limits != null) {
                            checkLimits(reader, ++elements, open.size() + 1, limits);
                        }
                        Element parent = open.peek();
                        String ownId = reader.getAttributeValue(null, "id");
                        Element element = new Element(reader.getNamespaceURI(), reader.getLocalName(), attributes(reader), parent,
                                ownId != null ? ownId : parent == null ? null : parent.id(),
                                reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
                        open.push(element);
                        visitor.start(element);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        text.append(reader.getText());
                        if (limits != null && text.length() > limits.maxTextLength()) {
                            throw new LimitExceeded("an element's text is longer than the limit of " + limits.maxTextLength()
                                    + " characters (" + DeploymentLimits.property("max-text-length") + ")", reader);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        flushText(open, text, visitor);
                        visitor.end(open.pop());
                    }
                    default -> {
                    }
                }
            }
        } finally {
            reader.close();
        }
    }

    private static void checkLimits(XMLStreamReader reader, int elements, int depth, DeploymentLimits limits) throws LimitExceeded {
        if (elements > limits.maxElements()) {
            throw new LimitExceeded("has more than the limit of " + limits.maxElements() + " elements ("
                    + DeploymentLimits.property("max-elements") + ")", reader);
        }
        if (depth > limits.maxDepth()) {
            throw new LimitExceeded("nests elements deeper than the limit of " + limits.maxDepth() + " levels ("
                    + DeploymentLimits.property("max-depth") + ")", reader);
        }
        if (reader.getLocalName().length() > limits.maxAttributeLength()) {
            throw new LimitExceeded("has an element name longer than the limit of " + limits.maxAttributeLength() + " characters ("
                    + DeploymentLimits.property("max-attribute-length") + ")", reader);
        }
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String uri = reader.getNamespaceURI(i);
            String prefix = reader.getNamespacePrefix(i);
            if (uri != null && uri.length() > limits.maxAttributeLength() || prefix != null && prefix.length() > limits.maxAttributeLength()) {
                throw new LimitExceeded("has a namespace declaration longer than the limit of " + limits.maxAttributeLength()
                        + " characters (" + DeploymentLimits.property("max-attribute-length") + ")", reader);
            }
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeValue(i).length() > limits.maxAttributeLength()
                    || reader.getAttributeLocalName(i).length() > limits.maxAttributeLength()) {
                throw new LimitExceeded("has an attribute (" + abbreviate(reader.getAttributeLocalName(i)) + ") longer than the limit of "
                        + limits.maxAttributeLength() + " characters (" + DeploymentLimits.property("max-attribute-length") + ")", reader);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static List<Attribute> attributes(XMLStreamReader reader) {
        List<Attribute> attributes = new ArrayList<>(reader.getAttributeCount());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            attributes.add(new Attribute(ns == null || ns.isEmpty() ? null : ns, reader.getAttributeLocalName(i), reader.getAttributeValue(i)));
        }
        return attributes;
    }

    private static void flushText(Deque<Element> open, StringBuilder text, Visitor visitor) {
        if (!open.isEmpty() && !text.toString().isBlank()) {
            visitor.text(open.peek(), text.toString().trim());
        }
        text.setLength(0);
    }
}
