package io.circuitos.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every BPMN and DMN file under {@code processes/} and {@code decisions/} opens in Camunda Modeler
 * with its diagram: each flow node and sequence flow has a BPMNShape or BPMNEdge, each decision a
 * DMNShape. Also: every process and decision sets a history time to live.
 */
class DiagramInterchangeTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final Set<String> NOT_DRAWN = Set.of("documentation", "extensionElements", "incoming", "outgoing",
            "conditionExpression", "timerEventDefinition", "laneSet", "ioSpecification", "dataInputAssociation",
            "dataOutputAssociation", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics");

    static Stream<Path> bpmnFiles() throws IOException {
        return files("processes", ".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files("decisions", ".dmn");
    }

    @Test
    void thereIsSomethingToCheck() throws IOException {
        assertThat(bpmnFiles()).isNotEmpty();
        assertThat(dmnFiles()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyBpmnElementHasADiagramShape(Path file) throws Exception {
        Document doc = parse(file);
        Set<String> drawn = new HashSet<>();
        drawn.addAll(attributes(doc.getElementsByTagNameNS(BPMNDI, "BPMNShape"), "bpmnElement"));
        drawn.addAll(attributes(doc.getElementsByTagNameNS(BPMNDI, "BPMNEdge"), "bpmnElement"));
        NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
        assertThat(processes.getLength()).isPositive();
        for (int p = 0; p < processes.getLength(); p++) {
            Element process = (Element) processes.item(p);
            assertThat(process.getAttributeNS(CAMUNDA_BPMN, "historyTimeToLive"))
                    .as("historyTimeToLive of process %s", process.getAttribute("id")).isNotBlank();
            assertDrawn(process, drawn, file);
        }
    }

    /** As Camunda Modeler writes a file: one element per line, so a review diff shows what changed. */
    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyBpmnFileHasOneElementPerLine(Path file) throws IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            long starts = java.util.regex.Pattern.compile("<[A-Za-z]").matcher(lines.get(i)).results().count();
            org.assertj.core.api.Assertions.assertThat(starts).as("%s line %d holds %d elements", file, i + 1, starts).isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dmnFiles")
    void everyDecisionHasADiagramShape(Path file) throws Exception {
        Document doc = parse(file);
        Set<String> drawn = new HashSet<>(attributes(doc.getElementsByTagNameNS(DMNDI, "DMNShape"), "dmnElementRef"));
        NodeList decisions = doc.getElementsByTagNameNS(DMN, "decision");
        assertThat(decisions.getLength()).isPositive();
        for (int i = 0; i < decisions.getLength(); i++) {
            Element decision = (Element) decisions.item(i);
            assertThat(drawn).as("decision %s in %s has a DMNShape", decision.getAttribute("id"), file)
                    .contains(decision.getAttribute("id"));
            assertThat(decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive"))
                    .as("historyTimeToLive of decision %s", decision.getAttribute("id")).isNotBlank();
        }
    }

    private static void assertDrawn(Element container, Set<String> drawn, Path file) {
        NodeList children = container.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element child) || !BPMN.equals(child.getNamespaceURI())
                    || NOT_DRAWN.contains(child.getLocalName())) {
                continue;
            }
            assertThat(drawn).as("%s '%s' in %s has diagram interchange", child.getLocalName(), child.getAttribute("id"), file)
                    .contains(child.getAttribute("id"));
            if (child.getLocalName().equals("subProcess")) {
                assertDrawn(child, drawn, file);
            }
        }
    }

    private static List<String> attributes(NodeList nodes, String attribute) {
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> ((Element) nodes.item(i)).getAttribute(attribute)).toList();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Stream<Path> files(String folder, String suffix) throws IOException {
        return Files.list(Path.of(folder)).filter(f -> f.toString().endsWith(suffix)).sorted().toList().stream();
    }
}
