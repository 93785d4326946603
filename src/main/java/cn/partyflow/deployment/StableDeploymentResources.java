package cn.partyflow.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/ and forms/ under their classpath-relative names ({@code processes/dues/dues-collection.bpmn}).
 * Without this the engine names a resource by its absolute file path when run from target/classes and by its bare
 * file name inside the jar, so switching between the two would deploy every process again as a new version.
 */
@Component
class StableDeploymentResources extends DefaultDeploymentConfiguration {

  private static final String[] ROOTS = {"processes/", "forms/"};

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> stable = new LinkedHashSet<>();
    for (Resource resource : super.getDeploymentResources()) {
      stable.add(new NamedResource(contentOf(resource), nameOf(resource)));
    }
    return stable;
  }

  static String nameOf(Resource resource) {
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      url = resource.getDescription();
    }
    int best = -1;
    for (String root : ROOTS) {
      int at = url.lastIndexOf("/" + root);
      if (at > best) {
        best = at;
      }
    }
    return best >= 0 ? url.substring(best + 1) : resource.getFilename();
  }

  private static byte[] contentOf(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A resource whose name within the deployment is fixed. */
  static final class NamedResource extends ByteArrayResource implements ContextResource {

    private final String name;

    NamedResource(byte[] content, String name) {
      super(content, name);
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NamedResource r && r.name.equals(name) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
