package org.ebpfj.vm.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the legacy JUnit XML the guest wrote and copies it beside Surefire's reports with the kernel as suffix
 * ({@code TEST-junit-jupiter-kernel-6.1.xml}; suite and class names end in {@code (kernel-6.1)}), as Surefire's
 * {@code reportNameSuffix} does, so CI and report tools show the kernels side by side.
 */
final class JUnitXml {
    private JUnitXml() {
    }

    static List<KernelOutcome.TestCase> readAndCopy(Path rawDir, Path reportsDir, String suffix) throws IOException {
        List<KernelOutcome.TestCase> out = new ArrayList<>();
        if (!Files.isDirectory(rawDir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(rawDir)) {
            files = s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        Files.createDirectories(reportsDir);
        for (Path f : files) {
            Document doc = parse(f);
            for (Element suite : elements(doc.getElementsByTagName("testsuite"))) {
                suite.setAttribute("name", suite.getAttribute("name") + "(" + suffix + ")");
            }
            for (Element tc : elements(doc.getElementsByTagName("testcase"))) {
                String cls = tc.getAttribute("classname");
                KernelOutcome.State state = KernelOutcome.State.PASSED;
                String message = "";
                for (String tag : List.of("failure", "error")) {
                    NodeList n = tc.getElementsByTagName(tag);
                    if (n.getLength() > 0) {
                        state = KernelOutcome.State.FAILED;
                        message = ((Element) n.item(0)).getAttribute("message");
                    }
                }
                NodeList skipped = tc.getElementsByTagName("skipped");
                if (state == KernelOutcome.State.PASSED && skipped.getLength() > 0) {
                    state = KernelOutcome.State.SKIPPED;
                    message = ((Element) skipped.item(0)).getAttribute("message");
                    if (message.isEmpty()) {
                        message = skipped.item(0).getTextContent();
                    }
                }
                out.add(new KernelOutcome.TestCase(cls, tc.getAttribute("name"), state, message.strip()));
                tc.setAttribute("classname", cls + "(" + suffix + ")");
            }
            String base = f.getFileName().toString().replaceFirst("\\.xml$", "");
            write(doc, reportsDir.resolve(base + "-" + suffix + ".xml"));
        }
        return out;
    }

    private static Document parse(Path f) throws IOException {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return dbf.newDocumentBuilder().parse(f.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable JUnit report " + f + ": " + e.getMessage(), e);
        }
    }

    private static void write(Document doc, Path target) throws IOException {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(target.toFile()));
        } catch (TransformerException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(NodeList list) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
