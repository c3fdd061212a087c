package io.github.streamjpa.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the compiled classes of the outbox and internal packages and checks which types are public:
 * only the outbox API, the not-API bridge and what Hibernate instantiates from {@code
 * META-INF/services}.
 */
class PublicTypesTest {

  private static final String ROOT = "io.github.streamjpa.jpa.";

  @Test
  void outboxPackageMakesPublicOnlyItsApi() throws Exception {
    assertThat(publicTypes("outbox"))
        .containsExactlyInAnyOrder(
            ROOT + "outbox.Outbox", ROOT + "outbox.OutboxStats", ROOT + "outbox.DeadRow");
  }

  @Test
  void internalPackageMakesPublicOnlyTheBridge() throws Exception {
    assertThat(publicTypes("internal")).containsExactly(ROOT + "internal.OutboxAccess");
  }

  @Test
  void hibernateGlueMakesPublicOnlyWhatHibernateInstantiates() throws Exception {
    Set<String> registered = new TreeSet<>();
    for (String service :
        new String[] {
          "org.hibernate.integrator.spi.Integrator",
          "org.hibernate.service.spi.SessionFactoryServiceContributor",
          "org.hibernate.boot.spi.AdditionalMappingContributor"
        }) {
      registered.addAll(
          Files.readAllLines(Path.of(resource("META-INF/services/" + service).toURI())));
    }
    assertThat(publicTypes("internal.hibernate"))
        .containsExactlyInAnyOrder(
            ROOT + "internal.hibernate.StreamIntegrator",
            ROOT + "internal.hibernate.RuntimeServiceContributor",
            ROOT + "internal.hibernate.OutboxMapping")
        .allSatisfy(type -> assertThat(registered).contains(type));
  }

  /** Exposed types, top-level or nested, among the compiled classes of one package. */
  private static Set<String> publicTypes(String packageSuffix)
      throws IOException, URISyntaxException, ClassNotFoundException {
    String packageName = ROOT + packageSuffix;
    Path classes =
        Path.of(OutboxAccess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path directory = classes.resolve(packageName.replace('.', '/'));
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.equals("package-info.class")) {
          continue;
        }
        Class<?> type =
            Class.forName(
                packageName + "." + name.substring(0, name.length() - ".class".length()),
                false,
                PublicTypesTest.class.getClassLoader());
        if (exposed(type)) {
          found.add(type.getName());
        }
      }
    }
    return found;
  }

  /**
   * Whether code outside the package can name the type: it is public, and so is every type that
   * encloses it (the implicitly public members of a package-private interface are not exposed).
   */
  private static boolean exposed(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static URL resource(String path) {
    URL url = PublicTypesTest.class.getClassLoader().getResource(path);
    assertThat(url).as("compiled resource %s", path).isNotNull();
    return url;
  }
}
