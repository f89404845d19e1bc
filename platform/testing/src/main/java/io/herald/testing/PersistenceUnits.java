package io.herald.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The properties of a module's own persistence unit (its {@code src/main} {@code persistence.xml},
 * on the test classpath too), for tests that run the unit's entities outside the container: they
 * pass these as overrides to their local-transaction unit, so the settings production runs with are
 * the ones tested.
 */
public final class PersistenceUnits {

  private PersistenceUnits() {}

  /**
   * The {@code <properties>} of the persistence unit named {@code unit} in any {@code
   * META-INF/persistence.xml} on the classpath.
   *
   * @throws IllegalArgumentException when no such unit is found
   */
  public static Map<String, String> properties(String unit) {
    Map<String, String> properties = all().get(unit);
    if (properties == null) {
      throw new IllegalArgumentException("no persistence unit " + unit + " on the classpath");
    }
    return properties;
  }

  /** Every persistence unit of every {@code META-INF/persistence.xml} on the classpath, by name. */
  public static Map<String, Map<String, String>> all() {
    Map<String, Map<String, String>> units = new LinkedHashMap<>();
    try {
      Enumeration<URL> files =
          PersistenceUnits.class.getClassLoader().getResources("META-INF/persistence.xml");
      while (files.hasMoreElements()) {
        try (InputStream in = files.nextElement().openStream()) {
          DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
          factory.setNamespaceAware(true);
          factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
          NodeList list =
              factory
                  .newDocumentBuilder()
                  .parse(in)
                  .getElementsByTagNameNS("*", "persistence-unit");
          for (int i = 0; i < list.getLength(); i++) {
            Element unit = (Element) list.item(i);
            units.put(unit.getAttribute("name"), propertiesOf(unit));
          }
        }
      }
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("persistence.xml unreadable: " + e.getMessage(), e);
    }
    return units;
  }

  private static Map<String, String> propertiesOf(Element unit) {
    Map<String, String> properties = new LinkedHashMap<>();
    NodeList list = unit.getElementsByTagNameNS("*", "property");
    for (int i = 0; i < list.getLength(); i++) {
      Element property = (Element) list.item(i);
      properties.put(property.getAttribute("name"), property.getAttribute("value"));
    }
    return Map.copyOf(properties);
  }
}
